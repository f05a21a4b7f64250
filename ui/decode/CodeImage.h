#pragma once

#include <QImage>
#include <QString>

namespace paydesk::decode {

enum class CodeFormat
{
    QrCode,
    Code128
};

// Draws `text` as a code: every module is exactly `modulePx` device pixels
// (integer scaling, so the edges stay sharp), surrounded by a quiet zone of
// `quietModules` modules (QR needs 4, 1D codes 10). For 1D codes the bars are
// `barHeightModules` tall. Returns a null image when the text cannot be encoded.
QImage renderCode(const QString& text, CodeFormat format, int modulePx, int quietModules = -1,
                  int barHeightModules = 40);

// How many modules wide the code is, without quiet zone (0 if not encodable):
// callers pick the largest modulePx that fits their space.
int codeModules(const QString& text, CodeFormat format);

} // namespace paydesk::decode
