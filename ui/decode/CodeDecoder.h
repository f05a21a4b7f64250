#pragma once

#include <QImage>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace paydesk::decode {

// One code found in an image.
struct DecodedCode
{
    QString text;   // the code's content, UTF-8 decoded
    QString format; // "QRCode", "Code128", "EAN-13", ... (ZXing's names)
    // A customer's payment code: a symbology wallets show (QR Code, Code 128)
    // carrying a text the PaymentShape accepts.
    bool paymentCode = false;
};

// Whether a text has the shape of a customer's payment code. The rule is the
// core's (wallet prefixes and lengths); callers pass it in, so this library
// stays Qt Gui + ZXing.
using PaymentShape = std::function<bool(const QString& text)>;

// Wallets show their payment codes as a QR code and a Code 128 barcode only:
// the same digits in an ITF on a carton or an EAN on a product are not a
// customer's code.
bool isPaymentSymbology(const QString& format);

// The first payment code among several (a shop's QR sticker or a product's
// barcode may be in view too), if any.
std::optional<DecodedCode> paymentCodeAmong(const QList<DecodedCode>& codes);

// One way of looking at an image; each finds codes the others miss.
enum class DecodePass
{
    Plain,           // as it is; bars thresholded against their surroundings
    Inverted,        // light-on-dark (phones in dark mode): ZXing 1.4 reads dark-on-light only
    GlobalHistogram, // ZXing's GlobalHistogram binarizer (per image; per row for bars)
    UpscaledAcross,  // bars only, twice as wide: thin Code 128 modules of an upright barcode
    UpscaledDown     // bars only, twice as tall: the same for a barcode turned a quarter
};

// Finds every QR code and barcode in an image. paydesk-scan runs all passes
// on one image; the camera path (FrameDecoder) runs one pass per frame.
class CodeDecoder
{
public:
    struct Options
    {
        bool tryHarder = true;               // every row for barcodes, not just the middle half
        bool paymentSymbologiesOnly = false; // QR Code and Code 128 only: faster, no decoys
        bool tryDownscale = true;            // matrix codes also at a third of the size
        int maxSymbols = 8;                  // stop after this many codes per pass
        QList<DecodePass> passes = allPasses();
    };

    static QList<DecodePass> allPasses();
    // The camera's: only what can be a payment code, every pass (one per frame).
    static Options cameraOptions();

    CodeDecoder() = default;
    explicit CodeDecoder(Options options, PaymentShape paymentShape = {});

    // Runs the passes in order and stops after the first that finds a payment
    // code (without a PaymentShape: any code). Any QImage format; converted to
    // 8-bit grey once.
    QList<DecodedCode> decode(const QImage& image) const;
    // The same on an 8-bit grey buffer as it comes from a camera's luma plane.
    QList<DecodedCode> decodeGrey(const uchar* data, int widthPx, int heightPx,
                                  int bytesPerLine) const;
    // One pass only.
    QList<DecodedCode> decodeGrey(DecodePass pass, const uchar* data, int widthPx, int heightPx,
                                  int bytesPerLine) const;

    const Options& options() const { return m_options; }

private:
    bool enough(const QList<DecodedCode>& found) const;

    Options m_options;
    PaymentShape m_paymentShape;
};

} // namespace paydesk::decode
