#include "decode/CodeDecoder.h"

#include <ZXing/ReadBarcode.h>

#include <vector>

namespace paydesk::decode {

namespace {

// ZXing 1.4 (Debian's build keeps its assertions) aborts in Result::operator==
// when it merges several results of a linear code, which happens with
// maxNumberOfSymbols > 1 on large barcodes. So matrix codes (QR, ...) are
// read up to maxSymbols at a time, linear codes one per pass.
ZXing::DecodeHints hintsFor(const CodeDecoder::Options& o, bool linear)
{
    ZXing::DecodeHints hints;
    hints.setTryHarder(o.tryHarder);
    hints.setTryRotate(o.tryRotate);
    hints.setFormats(linear ? ZXing::BarcodeFormat::LinearCodes
                            : ZXing::BarcodeFormat::MatrixCodes);
    hints.setMaxNumberOfSymbols(linear ? 1 : static_cast<uint8_t>(qBound(1, o.maxSymbols, 255)));
    return hints;
}

void readAll(const ZXing::ImageView& view, const CodeDecoder::Options& o, QList<DecodedCode>& out);

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

void readAll(const ZXing::ImageView& view, const CodeDecoder::Options& o, QList<DecodedCode>& out)
{
    collect(ZXing::ReadBarcodes(view, hintsFor(o, false)), out);
    if (out.size() < o.maxSymbols)
        collect(ZXing::ReadBarcodes(view, hintsFor(o, true)), out);
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
    const ZXing::ImageView view(data, widthPx, heightPx, ZXing::ImageFormat::Lum, bytesPerLine);
    readAll(view, m_options, out);
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
    readAll(negative, m_options, out);
    return out;
}

} // namespace paydesk::decode
