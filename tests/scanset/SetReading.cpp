#include "SetReading.h"

#include "api/types/Commands.h"
#include "decode/CodeDecoder.h"
#include "decode/FrameDecoder.h"

#include <ZXing/ReadBarcode.h>

#include <QElapsedTimer>

namespace paydesk::scanset {

namespace {

bool paymentShaped(const QString& text)
{
    return classifyPaymentCode(text).ok();
}

// What a payment code offered by a reader means for the scene.
void judge(ReaderOutcome& o, const Scene& scene, const QString& offered)
{
    if (offered.isEmpty())
        return;
    if (!scene.paymentCode.isEmpty() && offered == scene.paymentCode)
        o.read = true;
    else
        o.wrong = true;
}

template <typename F> auto timed(ReaderOutcome& o, F&& f)
{
    QElapsedTimer t;
    t.start();
    auto result = f();
    o.msPerFrame.push_back(double(t.nsecsElapsed()) / 1e6);
    return result;
}

} // namespace

SetReader::SetReader() : m_framesPerScene(decode::FrameDecoder(paymentShaped).framesPerCycle()) {}

SceneOutcome SetReader::read(const Scene& scene) const
{
    SceneOutcome out;
    out.scene = scene;
    const QImage picture = drawScene(scene);
    // A new dialog for each customer: the camera path starts its cycle afresh.
    decode::FrameDecoder camera(paymentShaped);
    const decode::CodeDecoder scanCli(decode::CodeDecoder::Options{}, paymentShaped);
    for (int i = 0; i < m_framesPerScene; ++i) {
        const QImage frame = cameraFrame(picture, scene.seed * 31u + quint32(i));
        const uchar* bits = frame.constBits();
        const int bpl = int(frame.bytesPerLine());
        const QList<decode::DecodedCode> codes = timed(out.camera, [&] {
            return camera.decodeGrey(bits, frame.width(), frame.height(), bpl);
        });
        // The dialog offers the payment code it found, never anything else.
        for (const decode::DecodedCode& c : codes)
            if (c.paymentCode)
                judge(out.camera, scene, c.text);
        const ZXing::Result plain = timed(out.baseline, [&] {
            return ZXing::ReadBarcode(ZXing::ImageView(bits, frame.width(), frame.height(),
                                                       ZXing::ImageFormat::Lum, bpl));
        });
        const QString plainText =
            plain.isValid() ? QString::fromStdString(plain.text()) : QString();
        if (paymentShaped(plainText))
            judge(out.baseline, scene, plainText);
        if (i == 0) {
            const QList<decode::DecodedCode> reported = timed(out.scanCli, [&] {
                return scanCli.decodeGrey(bits, frame.width(), frame.height(), bpl);
            });
            for (const decode::DecodedCode& c : reported)
                if (c.paymentCode)
                    judge(out.scanCli, scene, c.text);
        }
    }
    return out;
}

} // namespace paydesk::scanset
