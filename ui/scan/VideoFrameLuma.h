#pragma once

#include <QImage>

class QVideoFrame;

namespace paydesk::ui {

// The frame's brightness as an 8-bit grey image the caller owns: the Y plane
// copied as it is for the YUV formats cameras deliver (no colour conversion),
// otherwise the frame converted. Null when the frame cannot be read.
QImage lumaOf(const QVideoFrame& frame);

} // namespace paydesk::ui
