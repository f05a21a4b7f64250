#pragma once

#include <QImage>
#include <QString>

namespace paydesk::scanset {

// What a scene's codes are drawn as: the two a phone shows for payment and
// the two that sit beside it on a counter (product and carton barcodes).
enum class Symbology
{
    QrCode,
    Code128,
    Itf,
    Ean13
};

QString symbologyName(Symbology s); // ZXing's names: "QRCode", "Code128", "ITF", "EAN-13"

// One pixel per module, dark (0) on light (255), with the symbology's quiet
// zone; 1D bars are `barHeightModules` tall. Scenes scale it to the module
// size they want. Null when the text cannot be encoded.
QImage drawSymbol(const QString& text, Symbology s, int barHeightModules = 40);

} // namespace paydesk::scanset
