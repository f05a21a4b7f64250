#pragma once

#include "cashier/SaleView.h"

#include <QHash>
#include <QObject>
#include <QTemporaryDir>

#include <memory>
#include <optional>

class QSoundEffect;

namespace paydesk::ui {

// The three outcomes a cashier must notice without looking at the screen.
enum class OutcomeCue
{
    Paid,
    Failed,
    NeedsAttention,
};

// Which cue a finished sale sounds; none for phases that are not an outcome.
std::optional<OutcomeCue> cueFor(SalePhase phase);

// Plays a short, distinct sound per cue: paid rises, failed falls, needs
// attention repeats. The sounds are made here (no files to install); where
// the machine has no audio output, the system beep stands in. Off in Settings.
class OutcomeSound : public QObject
{
    Q_OBJECT
public:
    explicit OutcomeSound(QObject* parent = nullptr);
    ~OutcomeSound() override;

    void setEnabled(bool on) { m_enabled = on; }
    bool isEnabled() const { return m_enabled; }
    void play(OutcomeCue cue);

Q_SIGNALS:
    // Emitted for each cue sounded (by the sound or by the beep).
    void played(paydesk::ui::OutcomeCue cue);

private:
    QSoundEffect* effectFor(OutcomeCue cue);

    bool m_enabled = true;
    std::optional<bool> m_hasAudioOutput; // asked once, on the first cue
    std::unique_ptr<QTemporaryDir> m_dir;
    QHash<int, QSoundEffect*> m_effects;
};

} // namespace paydesk::ui
