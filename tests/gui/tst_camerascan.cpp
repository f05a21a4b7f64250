// The camera dialog's side of scanning: the luma plane taken from camera
// frames as they come (NV12, planar YUV, packed YUV, grey), frames decoded
// off the GUI thread one at a time (a frame offered while one is in flight
// is dropped), and the dialog keeping the customer's payment code once found
// while other codes stay in view.
#include "scan/CameraFrameDecoder.h"
#include "scan/CameraScanDialog.h"
#include "scan/VideoFrameLuma.h"

#include "decode/CodeImage.h"

#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <cstring>

using namespace paydesk;
using namespace paydesk::ui;

Q_DECLARE_METATYPE(QVideoFrameFormat::PixelFormat)

namespace {

uchar lumaAt(int x, int y)
{
    return uchar((x * 7 + y * 13) % 251);
}

// Writes the test pattern as the frame's luma, and noise where chroma goes,
// so taking the wrong bytes shows.
void fillFrame(QVideoFrame& frame)
{
    QVERIFY(frame.map(QVideoFrame::WriteOnly));
    const QVideoFrameFormat::PixelFormat f = frame.pixelFormat();
    for (int plane = 0; plane < frame.planeCount(); ++plane)
        std::memset(frame.bits(plane), 0xA5, size_t(frame.mappedBytes(plane)));
    uchar* bits = frame.bits(0);
    const int bpl = frame.bytesPerLine(0);
    for (int y = 0; y < frame.height(); ++y)
        for (int x = 0; x < frame.width(); ++x) {
            uchar* line = bits + y * bpl;
            switch (f) {
            case QVideoFrameFormat::Format_YUYV:
                line[2 * x] = lumaAt(x, y);
                break;
            case QVideoFrameFormat::Format_UYVY:
                line[2 * x + 1] = lumaAt(x, y);
                break;
            default:
                line[x] = lumaAt(x, y);
                break;
            }
        }
    frame.unmap();
}

QImage paymentScene(bool withCode)
{
    QImage img(1280, 720, QImage::Format_RGB32);
    img.fill(QColor(150, 140, 130));
    QPainter p(&img);
    // The shop's sticker is always there; the customer's phone (dark mode)
    // only when withCode.
    p.drawImage(60, 120,
                decode::renderCode(QStringLiteral("https://qr.alipay.com/fkx0123"),
                                   decode::CodeFormat::QrCode, 6));
    if (withCode) {
        QImage phone =
            decode::renderCode(QStringLiteral("134567890123456789"), decode::CodeFormat::QrCode, 6);
        phone.invertPixels();
        p.drawImage(700, 200, phone);
    }
    return img;
}

} // namespace

class tst_CameraScan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lumaIsTheYPlane_data()
    {
        QTest::addColumn<QVideoFrameFormat::PixelFormat>("format");
        QTest::newRow("NV12") << QVideoFrameFormat::Format_NV12;
        QTest::newRow("YUV420P") << QVideoFrameFormat::Format_YUV420P;
        QTest::newRow("YUYV") << QVideoFrameFormat::Format_YUYV;
        QTest::newRow("UYVY") << QVideoFrameFormat::Format_UYVY;
        QTest::newRow("Y8") << QVideoFrameFormat::Format_Y8;
    }

    void lumaIsTheYPlane()
    {
        QFETCH(QVideoFrameFormat::PixelFormat, format);
        QVideoFrame frame(QVideoFrameFormat(QSize(64, 48), format));
        fillFrame(frame);
        const QImage grey = lumaOf(frame);
        QCOMPARE(grey.format(), QImage::Format_Grayscale8);
        QCOMPARE(grey.size(), QSize(64, 48));
        for (int y = 0; y < grey.height(); ++y)
            for (int x = 0; x < grey.width(); ++x)
                if (grey.constScanLine(y)[x] != lumaAt(x, y))
                    QFAIL(qPrintable(QStringLiteral("(%1,%2): %3, not %4")
                                         .arg(x)
                                         .arg(y)
                                         .arg(grey.constScanLine(y)[x])
                                         .arg(lumaAt(x, y))));
    }

    void rgbFramesAreConverted()
    {
        QVideoFrame frame(QVideoFrameFormat(QSize(32, 16), QVideoFrameFormat::Format_XRGB8888));
        QVERIFY(frame.map(QVideoFrame::WriteOnly));
        std::memset(frame.bits(0), 0xFF, size_t(frame.mappedBytes(0))); // white
        frame.unmap();
        const QImage grey = lumaOf(frame);
        QCOMPARE(grey.format(), QImage::Format_Grayscale8);
        QCOMPARE(grey.size(), QSize(32, 16));
        QCOMPARE(int(grey.constScanLine(8)[16]), 255);
    }

    // One frame in flight: the next is dropped, not queued, until the
    // result is back (on this thread, by a queued signal).
    void framesOfferedWhileBusyAreDropped()
    {
        CameraFrameDecoder decoder;
        QSignalSpy decoded(&decoder, &CameraFrameDecoder::decoded);
        const QImage grey = paymentScene(true).convertToFormat(QImage::Format_Grayscale8);
        QVERIFY(decoder.offer(grey));
        QVERIFY(decoder.busy());
        QVERIFY(!decoder.offer(grey));
        QVERIFY(decoded.wait(5000));
        QCOMPARE(decoded.count(), 1);
        QVERIFY(!decoder.busy());
        QVERIFY(decoder.offer(grey));
        QVERIFY(decoded.wait(5000));
    }

    // The dialog reads a dark-mode phone beside the shop's sticker within a
    // cycle of frames and keeps the code when later frames see only the
    // sticker.
    void dialogKeepsThePaymentCodeOnceFound()
    {
        CameraScanDialog dialog(QStringLiteral("no such camera"));
        auto* use = dialog.findChild<QPushButton*>(QStringLiteral("cameraUse"));
        QVERIFY(use);
        QVERIFY(!use->isEnabled());
        const QImage withCode = paymentScene(true);
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog.onFrame(withCode), dialog.decodedCode() == QLatin1String("134567890123456789")),
            10000);
        QVERIFY(use->isEnabled());
        const QImage stickerOnly = paymentScene(false);
        for (int i = 0; i < 6; ++i) {
            dialog.onFrame(stickerOnly);
            QTest::qWait(int(CameraScanDialog::minFrameGapMs) + 20);
        }
        QCOMPARE(dialog.decodedCode(), QStringLiteral("134567890123456789"));
        QVERIFY(use->isEnabled());
        QSignalSpy accepted(&dialog, &CameraScanDialog::codeAccepted);
        use->click();
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(accepted.first().first().toString(), QStringLiteral("134567890123456789"));
    }
};

QTEST_MAIN(tst_CameraScan)
#include "tst_camerascan.moc"
