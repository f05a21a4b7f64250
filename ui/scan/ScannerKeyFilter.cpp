#include "scan/ScannerKeyFilter.h"

#include <QApplication>
#include <QKeyEvent>

namespace paydesk::ui {

ScannerKeyFilter::ScannerKeyFilter(QWidget* scope, const Clock& clock, ScanBurstConfig config,
                                   QObject* parent)
    : QObject(parent), m_scope(scope), m_detector(clock, std::move(config))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        apply(m_detector.timeout());
        armTimer();
    });
    qApp->installEventFilter(this);
}

ScannerKeyFilter::~ScannerKeyFilter()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

bool ScannerKeyFilter::inScope(QObject* o) const
{
    if (!m_scope || !m_scope->isVisible() || !o->isWidgetType())
        return false;
    auto* w = static_cast<QWidget*>(o);
    return w == m_scope || m_scope->isAncestorOf(w);
}

bool ScannerKeyFilter::eventFilter(QObject* watched, QEvent* event)
{
    if (m_replaying || event->type() != QEvent::KeyPress || !inScope(watched))
        return false;
    auto* ke = static_cast<QKeyEvent*>(event);
    if (ke->isAutoRepeat())
        return false;
    const ScanBurstDetector::Decision d =
        m_detector.key(HeldKey{ke->key(), ke->text(), int(ke->modifiers())});
    apply(d); // replays go to the widget the earlier keys were meant for
    if (d.consume && m_detector.heldCount() == 1)
        m_target = static_cast<QWidget*>(watched);
    armTimer();
    return d.consume;
}

void ScannerKeyFilter::apply(const ScanBurstDetector::Decision& d)
{
    if (!d.replay.isEmpty() && m_target) {
        m_replaying = true;
        for (const HeldKey& k : d.replay) {
            QKeyEvent press(QEvent::KeyPress, k.key, Qt::KeyboardModifiers(k.modifiers), k.text);
            QApplication::sendEvent(m_target, &press);
            QKeyEvent release(QEvent::KeyRelease, k.key, Qt::KeyboardModifiers(k.modifiers),
                              k.text);
            QApplication::sendEvent(m_target, &release);
        }
        m_replaying = false;
    }
    if (d.code)
        Q_EMIT scanned(*d.code);
}

void ScannerKeyFilter::armTimer()
{
    const qint64 ms = m_detector.msUntilTimeout();
    if (ms < 0)
        m_timer.stop();
    else
        m_timer.start(int(ms) + 1);
}

} // namespace paydesk::ui
