#include "settings/AppSettings.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace paydesk::ui {

namespace {

QByteArray pinHash(const QByteArray& salt, const QString& pin)
{
    return QCryptographicHash::hash(salt + pin.toUtf8(), QCryptographicHash::Sha256).toHex();
}

} // namespace

AppSettings::AppSettings(const QString& iniPath, QObject* parent)
    : QObject(parent),
      m_settings(iniPath.isEmpty() ? std::make_unique<QSettings>()
                                   : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

AppSettings::~AppSettings() = default;

bool AppSettings::isConfigured() const
{
    return m_settings->value(QStringLiteral("configured"), false).toBool();
}

void AppSettings::markConfigured()
{
    m_settings->setValue(QStringLiteral("configured"), true);
    Q_EMIT changed();
}

#define PAYDESK_STRING_SETTING(getter, setter, key)                                                \
    QString AppSettings::getter() const                                                            \
    {                                                                                              \
        return m_settings->value(QStringLiteral(key)).toString();                                  \
    }                                                                                              \
    void AppSettings::setter(const QString& v)                                                     \
    {                                                                                              \
        m_settings->setValue(QStringLiteral(key), v);                                              \
        Q_EMIT changed();                                                                          \
    }

PAYDESK_STRING_SETTING(storeName, setStoreName, "store/name")
PAYDESK_STRING_SETTING(terminalName, setTerminalName, "store/terminal")
PAYDESK_STRING_SETTING(dataDir, setDataDir, "core/dataDir")
PAYDESK_STRING_SETTING(serialPort, setSerialPort, "scanner/serialPort")
PAYDESK_STRING_SETTING(cameraId, setCameraId, "scanner/camera")
PAYDESK_STRING_SETTING(printerName, setPrinterName, "printer/name")
PAYDESK_STRING_SETTING(language, setLanguage, "ui/language")

#undef PAYDESK_STRING_SETTING

ScanBurstConfig AppSettings::scanConfig() const
{
    ScanBurstConfig c;
    c.maxGapMs = m_settings->value(QStringLiteral("scanner/maxGapMs"), c.maxGapMs).toLongLong();
    c.minLength = m_settings->value(QStringLiteral("scanner/minLength"), c.minLength).toInt();
    c.prefix = m_settings->value(QStringLiteral("scanner/prefix")).toString();
    c.suffix = m_settings->value(QStringLiteral("scanner/suffix")).toString();
    return c;
}

void AppSettings::setScanConfig(const ScanBurstConfig& c)
{
    m_settings->setValue(QStringLiteral("scanner/maxGapMs"), c.maxGapMs);
    m_settings->setValue(QStringLiteral("scanner/minLength"), c.minLength);
    m_settings->setValue(QStringLiteral("scanner/prefix"), c.prefix);
    m_settings->setValue(QStringLiteral("scanner/suffix"), c.suffix);
    Q_EMIT changed();
}

int AppSettings::serialBaud() const
{
    return m_settings->value(QStringLiteral("scanner/serialBaud"), 9600).toInt();
}

void AppSettings::setSerialBaud(int v)
{
    m_settings->setValue(QStringLiteral("scanner/serialBaud"), v);
    Q_EMIT changed();
}

bool AppSettings::outcomeSounds() const
{
    return m_settings->value(QStringLiteral("ui/outcomeSounds"), true).toBool();
}

void AppSettings::setOutcomeSounds(bool on)
{
    m_settings->setValue(QStringLiteral("ui/outcomeSounds"), on);
}

bool AppSettings::counterMode() const
{
    return m_settings->value(QStringLiteral("ui/counterMode"), false).toBool();
}

void AppSettings::setCounterMode(bool on)
{
    m_settings->setValue(QStringLiteral("ui/counterMode"), on);
    Q_EMIT changed();
}

bool AppSettings::hasSupervisorPin() const
{
    return !m_settings->value(QStringLiteral("refund/pinHash")).toByteArray().isEmpty();
}

bool AppSettings::checkSupervisorPin(const QString& pin) const
{
    const QByteArray salt = m_settings->value(QStringLiteral("refund/pinSalt")).toByteArray();
    const QByteArray want = m_settings->value(QStringLiteral("refund/pinHash")).toByteArray();
    return !want.isEmpty() && pinHash(salt, pin) == want;
}

AppSettings::PinAttempts AppSettings::pinAttempts() const
{
    PinAttempts a;
    a.failures = m_settings->value(QStringLiteral("refund/pinFailures"), 0).toInt();
    a.lockouts = m_settings->value(QStringLiteral("refund/pinLockouts"), 0).toInt();
    a.lockedUntilMs = m_settings->value(QStringLiteral("refund/pinLockedUntilMs"), 0).toLongLong();
    return a;
}

void AppSettings::setPinAttempts(const PinAttempts& a)
{
    m_settings->setValue(QStringLiteral("refund/pinFailures"), a.failures);
    m_settings->setValue(QStringLiteral("refund/pinLockouts"), a.lockouts);
    m_settings->setValue(QStringLiteral("refund/pinLockedUntilMs"), a.lockedUntilMs);
    m_settings->sync();
}

void AppSettings::setSupervisorPin(const QString& pin)
{
    if (pin.isEmpty()) {
        m_settings->remove(QStringLiteral("refund/pinHash"));
        m_settings->remove(QStringLiteral("refund/pinSalt"));
    } else {
        const QByteArray salt = QByteArray::number(QRandomGenerator::system()->generate64(), 16);
        m_settings->setValue(QStringLiteral("refund/pinSalt"), salt);
        m_settings->setValue(QStringLiteral("refund/pinHash"), pinHash(salt, pin));
    }
    Q_EMIT changed();
}

} // namespace paydesk::ui
