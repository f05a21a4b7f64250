#include "orders/OrdersCsvExport.h"

#include "orders/OrdersCsv.h"
#include "orders/OrdersTableModel.h"

#include <QPointer>
#include <QTimer>

namespace paydesk::ui {

namespace {

// The payment whose money the order keeps, else its last attempt.
const PaymentRecord* paymentOf(const OrderDetails& d)
{
    for (const PaymentRecord& p : d.payments)
        if (p.paymentNo == d.order.paidPaymentNo)
            return &p;
    return d.payments.isEmpty() ? nullptr : &d.payments.constLast();
}

} // namespace

OrdersCsvExport::OrdersCsvExport(PayDeskApi& api, OrderFilter filter, Wallet wallet,
                                 QObject* parent)
    : QObject(parent), m_api(api), m_filter(std::move(filter)), m_wallet(wallet)
{
    m_filter.limit = kPageRows;
    m_filter.beforeOrderNo.clear();
}

bool OrdersCsvExport::start(const QString& path)
{
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        m_error = tr("Cannot write %1: %2").arg(path, m_file->errorString());
        m_file.reset();
        return false;
    }
    // A byte-order mark, so spreadsheets read the notes' Chinese as UTF-8.
    m_file->write("\xEF\xBB\xBF");
    m_file->write(OrdersCsv::header().toUtf8());
    // Later, so a caller connects to progress() and finished() first.
    QTimer::singleShot(0, this, &OrdersCsvExport::requestPage);
    return true;
}

void OrdersCsvExport::cancel()
{
    m_cancelled = true;
}

void OrdersCsvExport::requestPage()
{
    if (m_done)
        return;
    if (m_cancelled)
        return finish(false, tr("Export cancelled; no file was written."));
    QPointer<OrdersCsvExport> self(this);
    m_api.orders(m_filter, [self](const QList<OrderRecord>& page) {
        if (self)
            self->writePage(page);
    });
}

void OrdersCsvExport::writePage(const QList<OrderRecord>& page)
{
    if (m_done)
        return;
    // The details of a page arrive in any order with a remote facade: the
    // page is written once all have answered, in the list's order.
    auto lines = std::make_shared<QList<std::optional<OrderDetails>>>(page.size());
    auto waiting = std::make_shared<int>(int(page.size()));
    const bool lastPage = page.size() < m_filter.limit;
    QPointer<OrdersCsvExport> self(this);
    auto writeAll = [self, lines, lastPage] {
        if (!self || self->m_done)
            return;
        QByteArray chunk;
        for (const std::optional<OrderDetails>& d : *lines) {
            if (!d)
                continue; // gone between the list and its details: nothing to write
            const PaymentRecord* p = paymentOf(*d);
            if (self->m_wallet != Wallet::Unknown &&
                OrdersTableModel::walletOf(*d) != self->m_wallet)
                continue;
            chunk += OrdersCsv::line(OrderCsvLine{d->order, p}).toUtf8();
            ++self->m_rowsWritten;
        }
        if (self->m_file->write(chunk) != chunk.size())
            return self->finish(false,
                                tr("Writing the file failed: %1").arg(self->m_file->errorString()));
        Q_EMIT self->progress(self->m_rowsWritten);
        if (lastPage)
            return self->finish(true, QString());
        // Yield to the event loop between pages: the window stays live and
        // Cancel is seen.
        QTimer::singleShot(0, self, &OrdersCsvExport::requestPage);
    };
    if (page.isEmpty())
        return writeAll();
    m_filter.beforeOrderNo = page.constLast().orderNo;
    for (int i = 0; i < page.size(); ++i)
        m_api.orderDetails(page.at(i).orderNo,
                           [lines, waiting, i, writeAll](const std::optional<OrderDetails>& d) {
                               (*lines)[i] = d;
                               if (--*waiting == 0)
                                   writeAll();
                           });
}

void OrdersCsvExport::finish(bool ok, const QString& message)
{
    if (m_done)
        return;
    m_done = true;
    if (ok && !m_file->commit()) {
        ok = false;
        m_error = tr("Saving the file failed: %1").arg(m_file->errorString());
    } else if (!ok) {
        m_file->cancelWriting();
        m_file->commit(); // discards the temporary file
        m_error = message;
    }
    m_file.reset();
    Q_EMIT finished(ok, ok ? tr("%n order(s) exported.", nullptr, m_rowsWritten) : m_error);
}

} // namespace paydesk::ui
