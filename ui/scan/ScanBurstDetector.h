#pragma once

#include "api/types/Clock.h"

#include <QList>
#include <QString>

#include <optional>

namespace paydesk::ui {

// How a keyboard-wedge scanner is told apart from a person typing.
struct ScanBurstConfig
{
    qint64 maxGapMs = 40; // a scanner sends its keys closer than this
    int minLength = 8;    // fewer characters before Enter: a person typing
    QString prefix;       // the scanner adds these around the code; removed
    QString suffix;
};

// One key as the event filter saw it, kept so it can be replayed unchanged.
struct HeldKey
{
    int key = 0;
    QString text;
    int modifiers = 0;
};

// Pure logic, no widgets: fed every key of the cashier screen, it holds keys
// while they might be a scanner burst and decides, at Enter or when the gap
// since the last key grows too long, whether they were a scan (the code) or
// a person typing (replay the held keys, in order, to where they were meant).
// Time comes from the injected clock.
class ScanBurstDetector
{
public:
    struct Decision
    {
        bool consume = false;        // swallow the key just fed
        QList<HeldKey> replay;       // deliver these first, in order
        std::optional<QString> code; // a complete, cleaned scan
    };

    explicit ScanBurstDetector(const Clock& clock, ScanBurstConfig config = {});

    void setConfig(const ScanBurstConfig& config) { m_config = config; }
    const ScanBurstConfig& config() const { return m_config; }

    // A key press. Enter/Return ends a burst; printable keys may start or
    // continue one; any other key ends it (replay).
    Decision key(const HeldKey& k);
    // The time since the last held key passed maxGapMs: replay what is held.
    Decision timeout();
    // Milliseconds until timeout() should be called; -1 when nothing is held.
    qint64 msUntilTimeout() const;
    bool holding() const { return !m_held.isEmpty(); }
    int heldCount() const { return int(m_held.size()); }

    // Removes control characters and the configured prefix and suffix.
    static QString clean(const QString& raw, const ScanBurstConfig& config);

private:
    Decision flush();

    const Clock& m_clock;
    ScanBurstConfig m_config;
    QList<HeldKey> m_held;
    qint64 m_lastAtMs = 0;
};

} // namespace paydesk::ui
