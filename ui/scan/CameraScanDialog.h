#pragma once

#include "decode/CodeDecoder.h"

#include <QDialog>
#include <QElapsedTimer>

class QCamera;
class QLabel;
class QMediaCaptureSession;
class QPushButton;
class QVideoFrame;
class QVideoWidget;

namespace paydesk::ui {

class CameraFrameDecoder;

// Live camera preview; frames are decoded off the GUI thread by the camera
// path (the passes paydesk-scan uses, one per frame). A payment code found is
// shown and used only when the cashier presses "Use this code"; other codes
// in view (the shop's sticker, a product) never replace it. Without a camera
// the dialog says so and offers nothing else.
class CameraScanDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CameraScanDialog(const QString& cameraId, QWidget* parent = nullptr);
    ~CameraScanDialog() override;

    static bool cameraAvailable();
    // A frame from the camera (or a test): decoded unless one is in flight
    // or the last was offered less than minFrameGapMs ago. Any format.
    void onFrame(const QImage& image);
    QString decodedCode() const { return m_code; }

    // Leaves the CPU some rest: at most about 20 frames a second.
    static constexpr qint64 minFrameGapMs = 50;

Q_SIGNALS:
    void codeAccepted(const QString& code);

private:
    void offerGrey(const QImage& grey);
    void showCodes(const QList<decode::DecodedCode>& codes);

    QCamera* m_camera = nullptr;
    QMediaCaptureSession* m_session = nullptr;
    QVideoWidget* m_preview = nullptr;
    QLabel* m_result;
    QPushButton* m_use;
    CameraFrameDecoder* m_frames;
    QElapsedTimer m_sinceOffer;
    QString m_code;
};

} // namespace paydesk::ui
