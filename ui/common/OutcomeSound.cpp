#include "common/OutcomeSound.h"

#include <QApplication>
#include <QAudioDevice>
#include <QFile>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QUrl>
#include <QtEndian>

#include <cmath>

namespace paydesk::ui {

namespace {

constexpr int kSampleRateHz = 22'050;
constexpr double kVolume = 0.6;

struct ToneStep
{
    double frequencyHz; // 0: silence
    int durationMs;
};

void appendLe16(QByteArray& out, quint16 v)
{
    const quint16 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char*>(&le), 2);
}

void appendLe32(QByteArray& out, quint32 v)
{
    const quint32 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char*>(&le), 4);
}

// A 16-bit mono PCM WAV of the steps, each faded in and out over 5 ms so the
// tones do not click.
QByteArray toneWav(std::initializer_list<ToneStep> steps)
{
    QByteArray pcm;
    for (const ToneStep& s : steps) {
        const int samples = kSampleRateHz * s.durationMs / 1000;
        const int fade = kSampleRateHz * 5 / 1000;
        for (int i = 0; i < samples; ++i) {
            const double envelope = std::min({1.0, double(i) / fade, double(samples - i) / fade});
            const double v =
                s.frequencyHz > 0 ? std::sin(2 * M_PI * s.frequencyHz * i / kSampleRateHz) : 0.0;
            appendLe16(pcm, quint16(qint16(v * envelope * kVolume * 32767)));
        }
    }
    QByteArray wav("RIFF");
    appendLe32(wav, quint32(36 + pcm.size()));
    wav += "WAVEfmt ";
    appendLe32(wav, 16);
    appendLe16(wav, 1); // PCM
    appendLe16(wav, 1); // mono
    appendLe32(wav, kSampleRateHz);
    appendLe32(wav, kSampleRateHz * 2);
    appendLe16(wav, 2);
    appendLe16(wav, 16);
    wav += "data";
    appendLe32(wav, quint32(pcm.size()));
    return wav + pcm;
}

QByteArray soundOf(OutcomeCue cue)
{
    switch (cue) {
    case OutcomeCue::Paid:
        return toneWav({{880, 110}, {1320, 160}});
    case OutcomeCue::Failed:
        return toneWav({{440, 180}, {0, 40}, {294, 260}});
    case OutcomeCue::NeedsAttention:
        return toneWav({{660, 120}, {0, 80}, {660, 120}, {0, 80}, {660, 120}});
    }
    return {};
}

} // namespace

std::optional<OutcomeCue> cueFor(SalePhase phase)
{
    switch (phase) {
    case SalePhase::Paid:
        return OutcomeCue::Paid;
    case SalePhase::NotPaid:
    case SalePhase::Revoked:
    case SalePhase::Returned:
        return OutcomeCue::Failed;
    case SalePhase::NeedsAttention:
        return OutcomeCue::NeedsAttention;
    case SalePhase::Idle:
    case SalePhase::Starting:
    case SalePhase::Refused:
    case SalePhase::Sending:
    case SalePhase::WaitingForPassword:
    case SalePhase::WaitingForScan:
    case SalePhase::Checking:
    case SalePhase::Revoking:
        break;
    }
    return std::nullopt;
}

OutcomeSound::OutcomeSound(QObject* parent) : QObject(parent) {}

OutcomeSound::~OutcomeSound() = default;

QSoundEffect* OutcomeSound::effectFor(OutcomeCue cue)
{
    if (QSoundEffect* e = m_effects.value(int(cue)))
        return e;
    if (!m_dir) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            return nullptr;
    }
    const QString path = m_dir->filePath(QStringLiteral("cue-%1.wav").arg(int(cue)));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(soundOf(cue)) < 0)
        return nullptr;
    f.close();
    auto* e = new QSoundEffect(this);
    e->setSource(QUrl::fromLocalFile(path));
    m_effects.insert(int(cue), e);
    return e;
}

void OutcomeSound::play(OutcomeCue cue)
{
    if (!m_enabled)
        return;
    if (!m_hasAudioOutput)
        m_hasAudioOutput = !QMediaDevices::audioOutputs().isEmpty();
    QSoundEffect* e = *m_hasAudioOutput ? effectFor(cue) : nullptr;
    if (e && e->status() != QSoundEffect::Error)
        e->play();
    else
        QApplication::beep();
    Q_EMIT played(cue);
}

} // namespace paydesk::ui
