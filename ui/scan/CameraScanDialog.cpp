#include "scan/CameraScanDialog.h"

#include "common/RelativeFont.h"
#include "scan/CameraFrameDecoder.h"
#include "scan/VideoFrameLuma.h"

#include "api/types/Commands.h"
#include "cashier/SaleView.h"

#include <QCamera>
#include <QCameraDevice>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QPushButton>
#include <QVBoxLayout>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>

namespace paydesk::ui {

bool CameraScanDialog::cameraAvailable()
{
    return !QMediaDevices::videoInputs().isEmpty();
}

CameraScanDialog::CameraScanDialog(const QString& cameraId, QWidget* parent)
    : QDialog(parent), m_frames(new CameraFrameDecoder(this))
{
    setObjectName(QStringLiteral("cameraDialog"));
    setWindowTitle(tr("Scan with the camera"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("cameraResult"));
    m_result->setWordWrap(true);
    setRelativeFont(m_result, 1.5);
    m_use = new QPushButton(tr("Use this code"), this);
    m_use->setObjectName(QStringLiteral("cameraUse"));
    m_use->setEnabled(false);
    auto* close = new QPushButton(tr("Close"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_use);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_use, &QPushButton::clicked, this, [this] {
        Q_EMIT codeAccepted(m_code);
        accept();
    });
    connect(m_frames, &CameraFrameDecoder::decoded, this, &CameraScanDialog::showCodes);

    QCameraDevice device = QMediaDevices::defaultVideoInput();
    for (const QCameraDevice& c : QMediaDevices::videoInputs())
        if (QString::fromLatin1(c.id()) == cameraId)
            device = c;
    if (device.isNull()) {
        m_result->setText(tr("No camera was found. Use the scanner, or type the code by hand."));
        layout->addWidget(m_result, 1);
        layout->addLayout(buttons);
        return;
    }
    m_preview = new QVideoWidget(this);
    m_preview->setMinimumSize(480, 360);
    m_camera = new QCamera(device, this);
    m_session = new QMediaCaptureSession(this);
    m_session->setCamera(m_camera);
    m_session->setVideoOutput(m_preview);
    connect(m_preview->videoSink(), &QVideoSink::videoFrameChanged, this,
            [this](const QVideoFrame& frame) {
                // Only the luma plane is copied, and only for a frame the
                // decoder will take.
                if (!m_frames->busy() &&
                    (!m_sinceOffer.isValid() || m_sinceOffer.elapsed() >= minFrameGapMs))
                    offerGrey(lumaOf(frame));
            });
    connect(m_camera, &QCamera::errorOccurred, this, [this](QCamera::Error, const QString& e) {
        m_result->setText(tr("The camera failed: %1. Use the scanner, or type the code.").arg(e));
    });
    m_result->setText(tr("Hold the customer's payment code in front of the camera."));
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_result);
    layout->addLayout(buttons);
    m_camera->start();
}

CameraScanDialog::~CameraScanDialog()
{
    if (m_camera)
        m_camera->stop();
}

void CameraScanDialog::onFrame(const QImage& image)
{
    if (m_frames->busy() || (m_sinceOffer.isValid() && m_sinceOffer.elapsed() < minFrameGapMs))
        return;
    offerGrey(image.convertToFormat(QImage::Format_Grayscale8));
}

void CameraScanDialog::offerGrey(const QImage& grey)
{
    if (m_frames->offer(grey))
        m_sinceOffer.start();
}

void CameraScanDialog::showCodes(const QList<decode::DecodedCode>& codes)
{
    if (const std::optional<decode::DecodedCode> payment = decode::paymentCodeAmong(codes)) {
        if (payment->text == m_code)
            return;
        m_code = payment->text;
        const PaymentCodeCheck check = classifyPaymentCode(m_code);
        m_result->setText(
            tr("Found a %1 payment code: %2").arg(SaleText::walletLabel(check.wallet), m_code));
        m_use->setEnabled(true);
        return;
    }
    // A payment code once found stays: a frame that only caught the shop's
    // sticker or a product beside the phone must not take it away.
    if (!m_code.isEmpty() || codes.isEmpty())
        return;
    m_result->setText(tr("Found %1, which is not a payment code. Ask for the payment code.")
                          .arg(codes.constFirst().text));
}

} // namespace paydesk::ui
