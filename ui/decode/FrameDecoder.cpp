#include "decode/FrameDecoder.h"

namespace paydesk::decode {

FrameDecoder::FrameDecoder(PaymentShape paymentShape, CodeDecoder::Options options)
    : m_decoder(options.passes.isEmpty() ? CodeDecoder::cameraOptions() : std::move(options),
                std::move(paymentShape))
{}

DecodePass FrameDecoder::nextPass() const
{
    return m_decoder.options().passes.at(m_next);
}

QList<DecodedCode> FrameDecoder::decodeGrey(const uchar* data, int widthPx, int heightPx,
                                            int bytesPerLine)
{
    const QList<DecodedCode> codes =
        m_decoder.decodeGrey(nextPass(), data, widthPx, heightPx, bytesPerLine);
    if (!paymentCodeAmong(codes))
        m_next = (m_next + 1) % framesPerCycle();
    return codes;
}

QList<DecodedCode> FrameDecoder::decode(const QImage& image)
{
    if (image.isNull())
        return {};
    const QImage grey = image.format() == QImage::Format_Grayscale8
                            ? image
                            : image.convertToFormat(QImage::Format_Grayscale8);
    return decodeGrey(grey.constBits(), grey.width(), grey.height(), int(grey.bytesPerLine()));
}

} // namespace paydesk::decode
