#pragma once

#include "scan/ScanBurstDetector.h"

#include <QObject>
#include <QSettings>

#include <memory>

namespace paydesk::ui {

// The counter's own settings (QSettings): who this counter is, its scanner,
// printer and language, the supervisor PIN for refunds, counter mode. The
// core's configuration (channels, limits) stays in the core's config file.
class AppSettings : public QObject
{
    Q_OBJECT
public:
    // The user's QSettings, or an INI file (tests, --settings FILE).
    explicit AppSettings(const QString& iniPath = {}, QObject* parent = nullptr);
    ~AppSettings() override;

    QString fileName() const { return m_settings->fileName(); }
    bool isConfigured() const; // false until the first-run wizard ran
    void markConfigured();

    QString storeName() const;
    void setStoreName(const QString& v);
    QString terminalName() const;
    void setTerminalName(const QString& v);
    QString dataDir() const; // empty: the default location
    void setDataDir(const QString& v);

    ScanBurstConfig scanConfig() const;
    void setScanConfig(const ScanBurstConfig& c);
    QString serialPort() const; // empty: no serial scanner
    void setSerialPort(const QString& v);
    int serialBaud() const;
    void setSerialBaud(int v);
    QString cameraId() const; // empty: the default camera
    void setCameraId(const QString& v);

    QString printerName() const; // empty: the default printer
    void setPrinterName(const QString& v);
    QString language() const; // empty: the system's
    void setLanguage(const QString& v);
    bool counterMode() const; // high contrast, large type
    void setCounterMode(bool on);
    bool outcomeSounds() const; // a sound for paid, failed, needs attention; on by default
    void setOutcomeSounds(bool on);

    // Refunds need this PIN when one is set. Only a salted hash is stored.
    bool hasSupervisorPin() const;
    bool checkSupervisorPin(const QString& pin) const;
    void setSupervisorPin(const QString& pin); // empty removes it
    // Wrong PIN tries since the last good one, lockouts in a row, and the
    // end of the current lockout: kept here so a restart does not reset them.
    struct PinAttempts
    {
        int failures = 0;
        int lockouts = 0;
        qint64 lockedUntilMs = 0;
    };
    PinAttempts pinAttempts() const;
    void setPinAttempts(const PinAttempts& a);

Q_SIGNALS:
    void changed();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace paydesk::ui
