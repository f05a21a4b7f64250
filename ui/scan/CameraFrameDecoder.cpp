#include "scan/CameraFrameDecoder.h"

#include "api/types/Commands.h"
#include "decode/FrameDecoder.h"

namespace paydesk::ui {

namespace {

// Lives on the decoding thread; owns the camera path's state (which pass
// the next frame gets).
class FrameWorker : public QObject
{
    Q_OBJECT
public:
    FrameWorker() : m_decoder([](const QString& text) { return classifyPaymentCode(text).ok(); }) {}

public Q_SLOTS:
    void decode(const QImage& grey) { Q_EMIT done(m_decoder.decode(grey)); }

Q_SIGNALS:
    void done(const QList<paydesk::decode::DecodedCode>& codes);

private:
    decode::FrameDecoder m_decoder;
};

} // namespace

CameraFrameDecoder::CameraFrameDecoder(QObject* parent) : QObject(parent)
{
    auto* worker = new FrameWorker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(
        worker, &FrameWorker::done, this,
        [this](const QList<decode::DecodedCode>& codes) {
            m_busy = false;
            Q_EMIT decoded(codes);
        },
        Qt::QueuedConnection);
    m_worker = worker;
    m_thread.setObjectName(QStringLiteral("camera decoding"));
    m_thread.start();
}

CameraFrameDecoder::~CameraFrameDecoder()
{
    // A frame in flight finishes (a few ms); its result goes nowhere.
    m_thread.quit();
    m_thread.wait();
}

bool CameraFrameDecoder::offer(const QImage& grey)
{
    if (m_busy || grey.isNull())
        return false;
    m_busy = true;
    auto* worker = static_cast<FrameWorker*>(m_worker);
    QMetaObject::invokeMethod(
        worker, [worker, grey] { worker->decode(grey); }, Qt::QueuedConnection);
    return true;
}

} // namespace paydesk::ui

#include "CameraFrameDecoder.moc"
