#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace paydesk::ui {

class AppSettings;
class PinGuard;

// Store, counter, scanner (keyboard wedge, serial, camera), printer,
// language, supervisor PIN and counter mode. Writes AppSettings on OK;
// changing or removing the PIN needs the current one (checked by PinGuard,
// so wrong tries here count toward the same lockout as at a refund).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(AppSettings& settings, PinGuard& pinGuard, QWidget* parent = nullptr);

    void accept() override;
    QString error() const;

private:
    AppSettings& m_settings;
    PinGuard& m_pinGuard;
    QLineEdit* m_store;
    QLineEdit* m_terminal;
    QLineEdit* m_dataDir;
    QLineEdit* m_prefix;
    QLineEdit* m_suffix;
    QSpinBox* m_maxGapMs;
    QSpinBox* m_minLength;
    QComboBox* m_serialPort;
    QComboBox* m_serialBaud;
    QComboBox* m_camera;
    QComboBox* m_printer;
    QComboBox* m_language;
    QLineEdit* m_currentPin;
    QLineEdit* m_pin;
    QLineEdit* m_pinAgain;
    QCheckBox* m_removePin;
    QCheckBox* m_counterMode;
    QCheckBox* m_sounds;
    QLabel* m_error;
};

} // namespace paydesk::ui
