#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace paydesk::ui {

class AppSettings;

// Store, counter, scanner (keyboard wedge, serial, camera), printer,
// language, supervisor PIN and counter mode. Writes AppSettings on OK.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings& settings, QWidget* parent = nullptr);

    void accept() override;
    QString error() const;

private:
    AppSettings& m_settings;
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
    QLineEdit* m_pin;
    QLineEdit* m_pinAgain;
    QCheckBox* m_removePin;
    QCheckBox* m_counterMode;
    QLabel* m_error;
};

} // namespace paydesk::ui
