#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace paydesk {

// Turns refused notifications into alerts a person can read: one per
// source address and minute, not one per post. The first refusal from a
// source raises an alert; later ones within the minute are counted, and
// the count goes out in one summary alert when the minute ends (a flood
// that goes on gives one summary a minute). 3,000 forged posts used to
// give 3,000 alerts and a WAL of 39 MB.
class NotificationRefusals final : public QObject
{
    Q_OBJECT
public:
    using Raise = std::function<void(const QString& message)>;

    // `windowMs`: the minute (shorter in tests). Past `maxSources` sources
    // in one window the rest share one count, so memory stays bounded.
    explicit NotificationRefusals(Raise raise, qint64 windowMs = 60'000, int maxSources = 256,
                                  QObject* parent = nullptr);

    // A notification posted for `channel` from `source` (an address, empty
    // when unknown) was refused because of `error`.
    void refused(const QString& source, const QString& channel, const QString& error);

    // Sources with an open window (for tests).
    int sources() const { return int(m_windows.size()); }

private:
    struct Window
    {
        qint64 startMs = 0;
        qint64 counted = 0; // refusals after the one alerted
        QString lastChannel;
        QString lastError;
    };

    void closeWindows();
    void schedule();

    Raise m_raise;
    qint64 m_windowMs;
    int m_maxSources;
    QHash<QString, Window> m_windows;
    QElapsedTimer m_clock;
    QTimer m_timer;
};

} // namespace paydesk
