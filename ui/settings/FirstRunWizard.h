#pragma once

#include <QWizard>

class QComboBox;
class QLineEdit;

namespace paydesk::ui {

class AppSettings;

// Shown once when nothing is configured: language, store and terminal,
// where the core keeps its data, the scanner. Everything can be changed
// later in the settings dialog.
class FirstRunWizard : public QWizard
{
    Q_OBJECT
public:
    explicit FirstRunWizard(AppSettings& settings, QWidget* parent = nullptr);

    void accept() override;

private:
    AppSettings& m_settings;
    QComboBox* m_language;
    QLineEdit* m_store;
    QLineEdit* m_terminal;
    QLineEdit* m_dataDir;
    QLineEdit* m_prefix;
    QLineEdit* m_suffix;
};

} // namespace paydesk::ui
