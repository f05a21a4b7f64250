#pragma once

#include "api/PayDeskApi.h"

#include <QDialog>

class QLabel;
class QTextBrowser;

namespace paydesk::ui {

class AppSettings;

// Receipt preview with Print and Export PDF.
class ReceiptDialog : public QDialog
{
    Q_OBJECT
public:
    ReceiptDialog(PayDeskApi& api, AppSettings& settings, const QString& orderNo, bool sandbox,
                  QWidget* parent = nullptr);

    QString html() const { return m_html; }
    QString exportPdf(const QString& path); // error text, empty on success

private:
    void print();
    void chooseAndExport();

    AppSettings& m_settings;
    QString m_html;
    QTextBrowser* m_preview;
    QLabel* m_status;
};

} // namespace paydesk::ui
