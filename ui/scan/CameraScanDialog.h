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

// Live camera preview; frames go to the same decoder paydesk-scan uses. The
// decoded code is shown and used only when the cashier presses "Use this
// code". Without a camera the dialog says so and offers nothing else.
class CameraScanDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CameraScanDialog(const QString& cameraId, QWidget* parent = nullptr);
    ~CameraScanDialog() override;

    static bool cameraAvailable();
    // A frame from the camera (or a test): decoded at most every few frames.
    void onFrame(const QImage& image);
    QString decodedCode() const { return m_code; }

Q_SIGNALS:
    void codeAccepted(const QString& code);

private:
    QCamera* m_camera = nullptr;
    QMediaCaptureSession* m_session = nullptr;
    QVideoWidget* m_preview = nullptr;
    QLabel* m_result;
    QPushButton* m_use;
    decode::CodeDecoder m_decoder;
    QElapsedTimer m_sinceDecode;
    QString m_code;
};

} // namespace paydesk::ui
