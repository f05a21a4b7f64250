#pragma once

#include "scan/ScanBurstDetector.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace paydesk::ui {

// Installed on the application while a screen is shown: watches the keys
// going to any widget inside `scope`, whichever has the focus, and takes
// scanner bursts out of the key stream (emitting scanned()) so a scan is
// never typed into a field. Keys a person types are held for at most
// maxGapMs and then delivered, in order, to the widget they were meant for.
class ScannerKeyFilter : public QObject
{
    Q_OBJECT
public:
    ScannerKeyFilter(QWidget* scope, const Clock& clock, ScanBurstConfig config = {},
                     QObject* parent = nullptr);
    ~ScannerKeyFilter() override;

    void setConfig(const ScanBurstConfig& config) { m_detector.setConfig(config); }
    const ScanBurstConfig& config() const { return m_detector.config(); }

Q_SIGNALS:
    void scanned(const QString& code);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool inScope(QObject* o) const;
    void apply(const ScanBurstDetector::Decision& d);
    void armTimer();

    QPointer<QWidget> m_scope;
    ScanBurstDetector m_detector;
    QPointer<QWidget> m_target; // where the held keys were going
    QTimer m_timer;
    bool m_replaying = false;
};

} // namespace paydesk::ui
