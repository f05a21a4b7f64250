#pragma once

#include "decode/CodeDecoder.h"

#include <QImage>
#include <QList>
#include <QObject>
#include <QThread>

namespace paydesk::ui {

// Decodes camera frames on a thread of its own, one frame at a time: a frame
// offered while another is being decoded is dropped (the camera sends
// another soon), so the preview never waits and frames never pile up.
// Results come back to the owner's thread by a queued signal.
class CameraFrameDecoder : public QObject
{
    Q_OBJECT
public:
    explicit CameraFrameDecoder(QObject* parent = nullptr);
    ~CameraFrameDecoder() override;

    // Takes an 8-bit grey frame unless one is in flight; false if dropped.
    bool offer(const QImage& grey);
    bool busy() const { return m_busy; }

Q_SIGNALS:
    void decoded(const QList<paydesk::decode::DecodedCode>& codes);

private:
    QThread m_thread;
    QObject* m_worker = nullptr;
    bool m_busy = false;
};

} // namespace paydesk::ui
