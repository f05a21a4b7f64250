#pragma once

#include <QImage>
#include <QList>
#include <QString>

namespace paydesk::decode {

// One code found in an image.
struct DecodedCode
{
    QString text;   // the code's content, UTF-8 decoded
    QString format; // "QRCode", "Code128", "EAN-13", ... (ZXing's names)
};

// Finds every QR code and barcode in an image. The camera path, the scan
// diagnostics CLI and the tests all use this one class.
class CodeDecoder
{
public:
    struct Options
    {
        bool tryHarder = true;   // slower, finds small or damaged codes
        bool tryRotate = true;   // 1D codes at 90 degrees
        bool tryInverted = true; // light-on-dark codes (phone dark mode): a second pass
        int maxSymbols = 8;      // stop after this many codes
    };

    // For a live camera feed: fast, one code; the next frame is another try.
    static Options liveOptions()
    {
        Options o;
        o.tryHarder = false;
        o.tryRotate = false;   // the cashier turns the phone; the next frame retries
        o.tryInverted = false; // payment code screens are dark on light
        o.maxSymbols = 1;
        return o;
    }

    CodeDecoder() = default;
    explicit CodeDecoder(Options options) : m_options(options) {}

    // Any QImage format; converted to 8-bit grey once.
    QList<DecodedCode> decode(const QImage& image) const;
    // An 8-bit grey buffer as it comes from a camera's luma plane.
    QList<DecodedCode> decodeGrey(const uchar* data, int widthPx, int heightPx,
                                  int bytesPerLine) const;

    const Options& options() const { return m_options; }

private:
    Options m_options;
};

} // namespace paydesk::decode
