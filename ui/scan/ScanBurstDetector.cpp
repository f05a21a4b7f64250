#include "scan/ScanBurstDetector.h"

#include <Qt>

namespace paydesk::ui {

namespace {

bool isEnter(int key)
{
    return key == Qt::Key_Return || key == Qt::Key_Enter;
}

bool isPrintable(const HeldKey& k)
{
    if (k.text.isEmpty())
        return false;
    if (k.modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    // Control characters are printable here on purpose: scanners send STX/ETX
    // and similar framing inside the burst; clean() removes them.
    return k.key != Qt::Key_Escape && k.key != Qt::Key_Backspace && k.key != Qt::Key_Tab &&
           k.key != Qt::Key_Delete;
}

} // namespace

ScanBurstDetector::ScanBurstDetector(const Clock& clock, ScanBurstConfig config)
    : m_clock(clock), m_config(std::move(config))
{}

ScanBurstDetector::Decision ScanBurstDetector::flush()
{
    Decision d;
    d.replay = m_held;
    m_held.clear();
    return d;
}

ScanBurstDetector::Decision ScanBurstDetector::key(const HeldKey& k)
{
    const qint64 now = m_clock.nowMs();
    Decision d;
    if (!m_held.isEmpty() && now - m_lastAtMs > m_config.maxGapMs)
        d = flush(); // too slow to belong to the held keys
    if (isEnter(k.key)) {
        if (m_held.size() >= m_config.minLength) {
            QString raw;
            for (const HeldKey& h : m_held)
                raw += h.text;
            const QString code = clean(raw, m_config);
            if (!code.isEmpty()) {
                m_held.clear();
                d.consume = true;
                d.code = code;
                return d;
            }
        }
        d.replay += flush().replay;
        return d; // a person's Enter: after the replay, it goes where it was meant
    }
    if (isPrintable(k)) {
        m_held << k;
        m_lastAtMs = now;
        d.consume = true;
        return d;
    }
    d.replay += flush().replay;
    return d;
}

ScanBurstDetector::Decision ScanBurstDetector::timeout()
{
    if (m_held.isEmpty() || m_clock.nowMs() - m_lastAtMs < m_config.maxGapMs)
        return {};
    return flush();
}

qint64 ScanBurstDetector::msUntilTimeout() const
{
    if (m_held.isEmpty())
        return -1;
    return qMax<qint64>(0, m_lastAtMs + m_config.maxGapMs - m_clock.nowMs());
}

QString ScanBurstDetector::clean(const QString& raw, const ScanBurstConfig& config)
{
    QString s;
    s.reserve(raw.size());
    for (QChar c : raw)
        if (!c.isNull() && c.category() != QChar::Other_Control &&
            c.category() != QChar::Other_Format)
            s += c;
    if (!config.prefix.isEmpty() && s.startsWith(config.prefix))
        s.remove(0, config.prefix.size());
    if (!config.suffix.isEmpty() && s.endsWith(config.suffix))
        s.chop(config.suffix.size());
    return s.trimmed();
}

} // namespace paydesk::ui
