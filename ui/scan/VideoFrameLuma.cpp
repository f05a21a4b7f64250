#include "scan/VideoFrameLuma.h"

#include <QVideoFrame>

#include <cstring>
#include <optional>

namespace paydesk::ui {

namespace {

// Where a frame's luma bytes are: every `stepBytes` bytes from `offsetBytes`
// of each line of plane 0; 16-bit samples keep their high byte.
struct LumaLayout
{
    int offsetBytes = 0;
    int stepBytes = 1;
};

std::optional<LumaLayout> layoutOf(QVideoFrameFormat::PixelFormat f)
{
    switch (f) {
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YUV422P:
    case QVideoFrameFormat::Format_YV12:
    case QVideoFrameFormat::Format_IMC1:
    case QVideoFrameFormat::Format_IMC2:
    case QVideoFrameFormat::Format_IMC3:
    case QVideoFrameFormat::Format_IMC4:
    case QVideoFrameFormat::Format_Y8:
        return LumaLayout{0, 1};
    case QVideoFrameFormat::Format_Y16:
    case QVideoFrameFormat::Format_P010:
    case QVideoFrameFormat::Format_P016:
        return LumaLayout{1, 2}; // little-endian: the high byte second
    case QVideoFrameFormat::Format_YUYV:
        return LumaLayout{0, 2};
    case QVideoFrameFormat::Format_UYVY:
        return LumaLayout{1, 2};
    case QVideoFrameFormat::Format_AYUV:
    case QVideoFrameFormat::Format_AYUV_Premultiplied:
        return LumaLayout{1, 4};
    default:
        return std::nullopt;
    }
}

} // namespace

QImage lumaOf(const QVideoFrame& source)
{
    QVideoFrame frame(source);
    if (!frame.isValid())
        return {};
    const std::optional<LumaLayout> layout = layoutOf(frame.pixelFormat());
    if (!layout) {
        const QImage converted = frame.toImage();
        return converted.isNull() ? QImage() : converted.convertToFormat(QImage::Format_Grayscale8);
    }
    if (!frame.map(QVideoFrame::ReadOnly))
        return {};
    const int widthPx = frame.width();
    const int heightPx = frame.height();
    QImage grey(widthPx, heightPx, QImage::Format_Grayscale8);
    const uchar* bits = frame.bits(0);
    const int bytesPerLine = frame.bytesPerLine(0);
    for (int y = 0; bits && y < heightPx; ++y) {
        const uchar* src = bits + qsizetype(y) * bytesPerLine + layout->offsetBytes;
        uchar* dst = grey.scanLine(y);
        if (layout->stepBytes == 1) {
            std::memcpy(dst, src, size_t(widthPx));
            continue;
        }
        for (int x = 0; x < widthPx; ++x)
            dst[x] = src[x * layout->stepBytes];
    }
    frame.unmap();
    return bits ? grey : QImage();
}

} // namespace paydesk::ui
