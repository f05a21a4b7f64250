#include "Symbol.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>

namespace paydesk::scanset {

namespace {

ZXing::BarcodeFormat zxingFormat(Symbology s)
{
    switch (s) {
    case Symbology::QrCode:
        return ZXing::BarcodeFormat::QRCode;
    case Symbology::Code128:
        return ZXing::BarcodeFormat::Code128;
    case Symbology::Itf:
        return ZXing::BarcodeFormat::ITF;
    case Symbology::Ean13:
        return ZXing::BarcodeFormat::EAN13;
    }
    return ZXing::BarcodeFormat::None;
}

} // namespace

QString symbologyName(Symbology s)
{
    return QString::fromLatin1(ZXing::ToString(zxingFormat(s)));
}

QImage drawSymbol(const QString& text, Symbology s, int barHeightModules)
{
    ZXing::BitMatrix m;
    try {
        ZXing::MultiFormatWriter writer(zxingFormat(s));
        writer.setMargin(0);
        if (s == Symbology::QrCode)
            writer.setEccLevel(1); // M, as payment screens use
        m = writer.encode(text.toStdString(), 0, s == Symbology::QrCode ? 0 : 1);
    } catch (const std::exception&) {
        return {};
    }
    if (m.width() <= 0)
        return {};
    const bool matrix = s == Symbology::QrCode;
    const int quiet = matrix ? 4 : 10;
    const int heightModules = matrix ? m.height() : barHeightModules;
    QImage img(m.width() + 2 * quiet, heightModules + 2 * quiet, QImage::Format_Grayscale8);
    img.fill(255);
    for (int y = 0; y < heightModules; ++y) {
        uchar* line = img.scanLine(quiet + y);
        for (int x = 0; x < m.width(); ++x)
            if (m.get(x, matrix ? y : 0))
                line[quiet + x] = 0;
    }
    return img;
}

} // namespace paydesk::scanset
