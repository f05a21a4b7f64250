#include "decode/CodeDecoder.h"

#include "decode/GreyBuffer.h"

#include <ZXing/ReadBarcode.h>

#include <QPainter>
#include <QPolygonF>

#include <cmath>

namespace paydesk::decode {

namespace {

ZXing::ImageView viewOf(const uchar* data, int widthPx, int heightPx, int bytesPerLine)
{
    return ZXing::ImageView(data, widthPx, heightPx, ZXing::ImageFormat::Lum, bytesPerLine);
}

ZXing::ImageView viewOf(const GreyBuffer& b)
{
    return viewOf(b.pixels.data(), b.widthPx, b.heightPx, b.widthPx);
}

// The buffer read column by column: what was a column is a row to ZXing, so
// a barcode turned a quarter is read upright without a rotated second try.
ZXing::ImageView transposedViewOf(const GreyBuffer& b)
{
    return ZXing::ImageView(b.pixels.data(), b.heightPx, b.widthPx, ZXing::ImageFormat::Lum, 1,
                            b.widthPx);
}

// Collects one pass's results into `out`, marks payment codes, skips codes
// an earlier pass already found.
class Collector
{
public:
    Collector(const PaymentShape& shape, QList<DecodedCode>& out) : m_shape(shape), m_out(out) {}

    // True when the result is a payment code (new or not).
    bool add(const ZXing::Result& r)
    {
        DecodedCode c;
        c.text = QString::fromStdString(r.text());
        c.format = QString::fromLatin1(ZXing::ToString(r.format()));
        c.paymentCode = isPaymentSymbology(c.format) && m_shape && m_shape(c.text);
        for (const DecodedCode& o : m_out)
            if (o.text == c.text && o.format == c.format)
                return c.paymentCode;
        m_out << c;
        return c.paymentCode;
    }

    qsizetype size() const { return m_out.size(); }

    bool anyPaymentCode() const
    {
        for (const DecodedCode& c : m_out)
            if (c.paymentCode)
                return true;
        return false;
    }

private:
    const PaymentShape& m_shape;
    QList<DecodedCode>& m_out;
};

ZXing::BarcodeFormats matrixFormats(const CodeDecoder::Options& o)
{
    return o.paymentSymbologiesOnly ? ZXing::BarcodeFormats(ZXing::BarcodeFormat::QRCode)
                                    : ZXing::BarcodeFormats(ZXing::BarcodeFormat::MatrixCodes);
}

ZXing::BarcodeFormats linearFormats(const CodeDecoder::Options& o)
{
    return o.paymentSymbologiesOnly ? ZXing::BarcodeFormats(ZXing::BarcodeFormat::Code128)
                                    : ZXing::BarcodeFormats(ZXing::BarcodeFormat::LinearCodes);
}

void readMatrix(const ZXing::ImageView& view, ZXing::Binarizer binarizer,
                const CodeDecoder::Options& o, Collector& found)
{
    ZXing::DecodeHints hints;
    hints.setFormats(matrixFormats(o));
    hints.setTryHarder(o.tryHarder);
    hints.setBinarizer(binarizer);
    hints.setTryDownscale(o.tryDownscale);
    hints.setMaxNumberOfSymbols(uint8_t(qBound(1, o.maxSymbols, 255)));
    for (const ZXing::Result& r : ZXing::ReadBarcodes(view, hints))
        if (r.isValid())
            found.add(r);
}

// Paints over a barcode just read, along its whole height (taken as up to
// 0.6 of its length either side of the scan line: bars are never taller),
// so the next read finds the one beside it.
void paintOver(GreyBuffer& b, const ZXing::Position& p, bool transposed)
{
    auto at = [transposed](const ZXing::PointI& q) {
        return transposed ? QPointF(q.y, q.x) : QPointF(q.x, q.y);
    };
    const QPointF left = (at(p.topLeft()) + at(p.bottomLeft())) / 2;
    const QPointF right = (at(p.topRight()) + at(p.bottomRight())) / 2;
    const QPointF along = right - left;
    const double length = std::hypot(along.x(), along.y());
    if (length < 1)
        return;
    const QPointF normal = QPointF(-along.y(), along.x()) * 0.6;
    const QPointF margin = along * 0.08;
    QImage img(b.pixels.data(), b.widthPx, b.heightPx, b.widthPx, QImage::Format_Grayscale8);
    QPainter painter(&img);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawPolygon(QPolygonF({left - margin - normal, right + margin - normal,
                                   right + margin + normal, left - margin + normal}));
}

// Linear codes one read at a time: ZXing 1.4 (Debian's build keeps its
// assertions) aborts in Result::operator== when it merges several results of
// a linear code, which happens with maxNumberOfSymbols > 1. A code that is
// read is painted over in a copy and the image read again, so a product's
// barcode beside the phone cannot hide the payment code.
void readLinear(const ZXing::ImageView& view, const GreyBuffer* source, bool transposed,
                bool tryRotate, const CodeDecoder::Options& o, Collector& found,
                ZXing::Binarizer binarizer)
{
    ZXing::DecodeHints hints;
    hints.setBinarizer(binarizer);
    hints.setFormats(linearFormats(o));
    hints.setTryHarder(o.tryHarder);
    hints.setTryRotate(tryRotate);
    hints.setTryDownscale(false); // bars gain nothing from a smaller image
    hints.setMaxNumberOfSymbols(1);
    GreyBuffer masked;
    ZXing::ImageView current = view;
    for (int read = 0; read < qMax(1, o.maxSymbols); ++read) {
        const ZXing::Result r = ZXing::ReadBarcode(current, hints);
        if (!r.isValid())
            return;
        if (found.add(r) && o.paymentSymbologiesOnly)
            return; // the camera wants the customer's code, not an inventory
        if (masked.pixels.empty()) {
            masked = source ? *source
                            : GreyBuffer::copyOf(view.data(0, 0), view.width(), view.height(),
                                                 view.rowStride());
            current = transposed ? transposedViewOf(masked) : viewOf(masked);
        }
        paintOver(masked, r.position(), transposed);
    }
}

// Bars are thresholded against a square this wide: several of the widest
// bars (4 modules of ~3 px) and their spaces.
constexpr int kBarWindowPx = 41;

void runPass(DecodePass pass, const uchar* data, int widthPx, int heightPx, int bytesPerLine,
             const CodeDecoder::Options& o, Collector& found)
{
    const ZXing::ImageView frame = viewOf(data, widthPx, heightPx, bytesPerLine);
    auto done = [&] { return o.paymentSymbologiesOnly && found.anyPaymentCode(); };
    auto readBars = [&](bool lightOnDark) {
        const GreyBuffer bars = GreyBuffer::locallyThresholded(
            data, widthPx, heightPx, bytesPerLine, kBarWindowPx, lightOnDark);
        readLinear(viewOf(bars), &bars, false, true, o, found, ZXing::Binarizer::BoolCast);
    };
    switch (pass) {
    case DecodePass::Plain:
        readMatrix(frame, ZXing::Binarizer::LocalAverage, o, found);
        if (!done())
            readBars(false);
        return;
    case DecodePass::Inverted: {
        const GreyBuffer negative = GreyBuffer::negativeOf(data, widthPx, heightPx, bytesPerLine);
        readMatrix(viewOf(negative), ZXing::Binarizer::LocalAverage, o, found);
        if (!done())
            readBars(true);
        return;
    }
    case DecodePass::GlobalHistogram:
        // ZXing's own thresholds: one per image for matrix codes, one per
        // row for bars.
        readMatrix(frame, ZXing::Binarizer::GlobalHistogram, o, found);
        if (!done())
            readLinear(frame, nullptr, false, true, o, found, ZXing::Binarizer::GlobalHistogram);
        return;
    case DecodePass::UpscaledAcross:
    case DecodePass::UpscaledDown: {
        // ZXing's rows first (they sharpen along the row), then bars
        // thresholded against their surroundings, on the stretched copy.
        const bool down = pass == DecodePass::UpscaledDown;
        const GreyBuffer stretched =
            down ? GreyBuffer::stretchedDown(data, widthPx, heightPx, bytesPerLine)
                 : GreyBuffer::stretchedAcross(data, widthPx, heightPx, bytesPerLine);
        auto view = [down](const GreyBuffer& b) { return down ? transposedViewOf(b) : viewOf(b); };
        const qsizetype before = found.size();
        readLinear(view(stretched), &stretched, down, false, o, found,
                   ZXing::Binarizer::GlobalHistogram);
        if (found.size() > before)
            return;
        const GreyBuffer bars = GreyBuffer::locallyThresholded(stretched, kBarWindowPx, false);
        readLinear(view(bars), &bars, down, false, o, found, ZXing::Binarizer::BoolCast);
        return;
    }
    }
}

} // namespace

bool isPaymentSymbology(const QString& format)
{
    return format == QLatin1String("QRCode") || format == QLatin1String("Code128");
}

std::optional<DecodedCode> paymentCodeAmong(const QList<DecodedCode>& codes)
{
    for (const DecodedCode& c : codes)
        if (c.paymentCode)
            return c;
    return std::nullopt;
}

QList<DecodePass> CodeDecoder::allPasses()
{
    return {DecodePass::Plain, DecodePass::Inverted, DecodePass::GlobalHistogram,
            DecodePass::UpscaledAcross, DecodePass::UpscaledDown};
}

CodeDecoder::Options CodeDecoder::cameraOptions()
{
    Options o;
    o.paymentSymbologiesOnly = true;
    o.maxSymbols = 4; // the customer's code, the shop's sticker, a few more
    // A third-size copy costs a third more per frame and read nothing more
    // on the scan set; the GlobalHistogram pass already takes large modules.
    o.tryDownscale = false;
    return o;
}

CodeDecoder::CodeDecoder(Options options, PaymentShape paymentShape)
    : m_options(std::move(options)), m_paymentShape(std::move(paymentShape))
{}

QList<DecodedCode> CodeDecoder::decode(const QImage& image) const
{
    if (image.isNull())
        return {};
    const QImage grey = image.format() == QImage::Format_Grayscale8
                            ? image
                            : image.convertToFormat(QImage::Format_Grayscale8);
    return decodeGrey(grey.constBits(), grey.width(), grey.height(), int(grey.bytesPerLine()));
}

bool CodeDecoder::enough(const QList<DecodedCode>& found) const
{
    if (!m_paymentShape)
        return !found.isEmpty();
    return paymentCodeAmong(found).has_value();
}

QList<DecodedCode> CodeDecoder::decodeGrey(const uchar* data, int widthPx, int heightPx,
                                           int bytesPerLine) const
{
    QList<DecodedCode> out;
    if (!data || widthPx <= 0 || heightPx <= 0)
        return out;
    Collector found(m_paymentShape, out);
    for (DecodePass pass : m_options.passes) {
        runPass(pass, data, widthPx, heightPx, bytesPerLine, m_options, found);
        if (enough(out))
            break;
    }
    return out;
}

QList<DecodedCode> CodeDecoder::decodeGrey(DecodePass pass, const uchar* data, int widthPx,
                                           int heightPx, int bytesPerLine) const
{
    QList<DecodedCode> out;
    if (!data || widthPx <= 0 || heightPx <= 0)
        return out;
    Collector found(m_paymentShape, out);
    runPass(pass, data, widthPx, heightPx, bytesPerLine, m_options, found);
    return out;
}

} // namespace paydesk::decode
