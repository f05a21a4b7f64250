#include "decode/CodeImage.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <QPainter>

#include <exception>

namespace paydesk::decode {

namespace {

bool encode(const QString& text, CodeFormat format, ZXing::BitMatrix* out)
{
    const ZXing::BarcodeFormat f =
        format == CodeFormat::QrCode ? ZXing::BarcodeFormat::QRCode : ZXing::BarcodeFormat::Code128;
    try {
        ZXing::MultiFormatWriter writer(f);
        writer.setMargin(0);
        if (format == CodeFormat::QrCode) {
            writer.setEncoding(ZXing::CharacterSet::UTF8);
            writer.setEccLevel(1); // M: survives a scratched phone screen
        }
        *out = writer.encode(text.toStdString(), 0, format == CodeFormat::QrCode ? 0 : 1);
        return out->width() > 0;
    } catch (const std::exception&) {
        return false; // text the format cannot carry
    }
}

} // namespace

int codeModules(const QString& text, CodeFormat format)
{
    ZXing::BitMatrix m;
    return encode(text, format, &m) ? m.width() : 0;
}

QImage renderCode(const QString& text, CodeFormat format, int modulePx, int quietModules,
                  int barHeightModules)
{
    ZXing::BitMatrix m;
    if (modulePx <= 0 || !encode(text, format, &m))
        return {};
    const bool qr = format == CodeFormat::QrCode;
    const int quiet = quietModules >= 0 ? quietModules : (qr ? 4 : 10);
    const int widthModules = m.width();
    const int heightModules = qr ? m.height() : barHeightModules;
    const int sizeW = (widthModules + 2 * quiet) * modulePx;
    const int sizeH = (heightModules + 2 * quiet) * modulePx;
    QImage img(sizeW, sizeH, QImage::Format_Grayscale8);
    img.fill(255);
    for (int my = 0; my < heightModules; ++my) {
        const int srcY = qr ? my : 0;
        for (int mx = 0; mx < widthModules; ++mx) {
            if (!m.get(mx, srcY))
                continue;
            const int x0 = (quiet + mx) * modulePx;
            const int y0 = (quiet + my) * modulePx;
            for (int y = y0; y < y0 + modulePx; ++y)
                std::fill_n(img.scanLine(y) + x0, modulePx, uchar(0));
        }
    }
    return img;
}

} // namespace paydesk::decode
