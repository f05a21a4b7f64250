#include "decode/CodeDecoder.h"

#include <ZXing/ReadBarcode.h>

#include <vector>

namespace paydesk::decode {

namespace {

ZXing::DecodeHints hintsFor(const CodeDecoder::Options& o)
{
    ZXing::DecodeHints hints;
    hints.setTryHarder(o.tryHarder);
    hints.setTryRotate(o.tryRotate);
    hints.setMaxNumberOfSymbols(static_cast<uint8_t>(qBound(1, o.maxSymbols, 255)));
    return hints;
}

void collect(const ZXing::Results& results, QList<DecodedCode>& out)
{
    for (const ZXing::Result& r : results) {
        if (!r.isValid())
            continue;
        DecodedCode c;
        c.text = QString::fromStdString(r.text());
        c.format = QString::fromLatin1(ZXing::ToString(r.format()));
        bool seen = false;
        for (const DecodedCode& o : out)
            seen = seen || (o.text == c.text && o.format == c.format);
        if (!seen)
            out << c;
    }
}

} // namespace

QList<DecodedCode> CodeDecoder::decode(const QImage& image) const
{
    if (image.isNull())
        return {};
    const QImage grey = image.format() == QImage::Format_Grayscale8
                            ? image
                            : image.convertToFormat(QImage::Format_Grayscale8);
    return decodeGrey(grey.constBits(), grey.width(), grey.height(), int(grey.bytesPerLine()));
}

QList<DecodedCode> CodeDecoder::decodeGrey(const uchar* data, int widthPx, int heightPx,
                                           int bytesPerLine) const
{
    QList<DecodedCode> out;
    if (!data || widthPx <= 0 || heightPx <= 0)
        return out;
    const ZXing::DecodeHints hints = hintsFor(m_options);
    const ZXing::ImageView view(data, widthPx, heightPx, ZXing::ImageFormat::Lum, bytesPerLine);
    collect(ZXing::ReadBarcodes(view, hints), out);
    if (!out.isEmpty() || !m_options.tryInverted)
        return out;
    // ZXing 1.4 reads dark-on-light only: try the negative once.
    std::vector<uchar> inverted(size_t(widthPx) * size_t(heightPx));
    for (int y = 0; y < heightPx; ++y) {
        const uchar* row = data + qsizetype(y) * bytesPerLine;
        uchar* dst = inverted.data() + size_t(y) * size_t(widthPx);
        for (int x = 0; x < widthPx; ++x)
            dst[x] = uchar(255 - row[x]);
    }
    const ZXing::ImageView negative(inverted.data(), widthPx, heightPx, ZXing::ImageFormat::Lum);
    collect(ZXing::ReadBarcodes(negative, hints), out);
    return out;
}

} // namespace paydesk::decode
