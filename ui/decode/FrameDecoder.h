#pragma once

#include "decode/CodeDecoder.h"

namespace paydesk::decode {

// The camera path: the passes paydesk-scan runs on one image, spread one per
// frame so that each frame stays within its time budget. A pass that found a
// payment code runs again on the next frame (the phone is still there, in the
// same light); one that found none hands over to the next pass. So over one
// cycle of frames the camera has looked at a held phone every way
// paydesk-scan looks at a still image.
class FrameDecoder
{
public:
    explicit FrameDecoder(PaymentShape paymentShape,
                          CodeDecoder::Options options = CodeDecoder::cameraOptions());

    // One frame (8-bit grey, e.g. the camera's luma plane), one pass.
    QList<DecodedCode> decodeGrey(const uchar* data, int widthPx, int heightPx, int bytesPerLine);
    QList<DecodedCode> decode(const QImage& image);

    // Frames it takes to run every pass once: how long a phone must be held.
    int framesPerCycle() const { return int(m_decoder.options().passes.size()); }
    DecodePass nextPass() const;

private:
    CodeDecoder m_decoder;
    int m_next = 0;
};

} // namespace paydesk::decode
