#pragma once

#include "api/PayDeskApi.h"

#include <QObject>
#include <QSaveFile>

#include <memory>

namespace paydesk::ui {

// Writes every order the filter finds (not only the loaded rows) to a CSV
// file, a page at a time through the facade, so a large export keeps the
// window responsive and shows its progress. The file appears only when the
// whole export succeeded (QSaveFile): a failed or cancelled export leaves
// nothing half-written behind.
class OrdersCsvExport : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPageRows = 500;

    OrdersCsvExport(PayDeskApi& api, OrderFilter filter, Wallet wallet, QObject* parent = nullptr);

    // Starts writing; the outcome comes as finished(). False (with the
    // reason in errorString()) when the file cannot be opened.
    bool start(const QString& path);
    void cancel();
    int rowsWritten() const { return m_rowsWritten; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void progress(int rowsWritten);
    void finished(bool ok, const QString& message);

private:
    void requestPage();
    void writePage(const QList<OrderRecord>& page);
    void finish(bool ok, const QString& message);

    PayDeskApi& m_api;
    OrderFilter m_filter;
    Wallet m_wallet;
    std::unique_ptr<QSaveFile> m_file;
    int m_rowsWritten = 0;
    bool m_cancelled = false;
    bool m_done = false;
    QString m_error;
};

} // namespace paydesk::ui
