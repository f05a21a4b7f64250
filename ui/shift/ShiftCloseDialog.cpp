#include "shift/ShiftCloseDialog.h"

#include "app/CoreSession.h"
#include "common/ActorField.h"
#include "common/ModelTexts.h"
#include "receipt/ReceiptDocument.h"
#include "shift/ShiftReportModel.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace paydesk::ui {

ShiftCloseDialog::ShiftCloseDialog(CoreSession& core, ShiftAccess& shifts, QWidget* parent)
    : QDialog(parent), m_core(core), m_shifts(shifts), m_model(new ShiftReportModel(this))
{
    setObjectName(QStringLiteral("shiftCloseDialog"));
    m_actor = new ActorField(core, this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("shiftText"));
    m_text->setWordWrap(true);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("shiftView"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->hide();
    m_open = new QLabel(this);
    m_open->setObjectName(QStringLiteral("shiftOpenOrders"));
    m_open->setWordWrap(true);
    m_open->hide();
    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("shiftClose"));
    m_print = new QPushButton(this);
    m_print->setObjectName(QStringLiteral("shiftPrint"));
    m_pdf = new QPushButton(this);
    m_pdf->setObjectName(QStringLiteral("shiftPdf"));
    m_next = new QPushButton(this);
    m_next->setObjectName(QStringLiteral("shiftNext"));
    m_done = new QPushButton(this);
    for (QPushButton* b : {m_print, m_pdf, m_next})
        b->hide();

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    for (QPushButton* b : {m_close, m_print, m_pdf, m_next, m_done})
        buttons->addWidget(b);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_actor);
    layout->addWidget(m_text);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_open);
    layout->addLayout(buttons);
    resize(760, 360);

    connect(m_close, &QPushButton::clicked, this, &ShiftCloseDialog::closeShift);
    connect(m_print, &QPushButton::clicked, this, &ShiftCloseDialog::print);
    connect(m_pdf, &QPushButton::clicked, this, &ShiftCloseDialog::savePdf);
    connect(m_next, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT nextPersonRequested();
    });
    connect(m_done, &QPushButton::clicked, this, &QDialog::reject);
    retranslate();
}

void ShiftCloseDialog::retranslate()
{
    setWindowTitle(tr("Close the shift (交班)"));
    m_close->setText(tr("Close the shift"));
    m_print->setText(tr("Print…"));
    m_pdf->setText(tr("Save PDF…"));
    m_next->setText(tr("Next person logs in"));
    const ShiftReport& r = m_model->report();
    if (!r.id) {
        m_text->setText(tr("Close this counter's shift now? Its sales, refunds and revokes since "
                           "the last close are added up by wallet and kept; orders still open "
                           "pass to the next shift."));
        m_done->setText(tr("Cancel"));
        return;
    }
    m_text->setText(tr("Shift %1 is closed and kept. Counter %2, closed by %3.")
                        .arg(r.number(), r.counter, r.closedBy));
    m_open->setText(
        r.openOrders.isEmpty()
            ? tr("No order is left open.")
            : tr("Left open for the next shift: %1").arg(r.openOrders.join(QStringLiteral(", "))));
    m_done->setText(tr("Done"));
    refreshModelTexts(m_model);
}

void ShiftCloseDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

QString ShiftCloseDialog::status() const
{
    return m_text->text();
}

void ShiftCloseDialog::closeShift()
{
    const std::optional<QString> by =
        m_actor->actor([this](const QString& t) { m_text->setText(t); });
    if (!by)
        return;
    m_close->setEnabled(false);
    m_shifts.closeShift(*by, [self = QPointer<ShiftCloseDialog>(this)](const ShiftCloseResult& r) {
        if (!self)
            return;
        if (!r.outcome.ok()) {
            self->m_text->setText(r.outcome.message);
            self->m_close->setEnabled(true);
            return;
        }
        self->showReport(r.report);
    });
}

void ShiftCloseDialog::showReport(const ShiftReport& report)
{
    m_model->setReport(report);
    m_view->resizeColumnsToContents();
    m_view->show();
    m_open->show();
    m_actor->hide();
    m_close->hide();
    m_print->show();
    m_pdf->show();
    // Where people log in, the next one does so from here.
    m_next->setVisible(m_core.guard && m_core.guard->accessControlOn().value_or(false));
    retranslate();
}

QString ShiftCloseDialog::exportPdf(const QString& path) const
{
    return ReceiptDocument::exportPdf(shiftSlipHtml(m_model->report(), *m_model), path);
}

void ShiftCloseDialog::print()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted)
        ReceiptDocument::print(shiftSlipHtml(m_model->report(), *m_model), printer);
}

void ShiftCloseDialog::savePdf()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the shift slip"), m_model->report().number() + QStringLiteral(".pdf"),
        tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    const QString error = exportPdf(path);
    m_open->setText(error.isEmpty() ? tr("Slip saved to %1").arg(path)
                                    : tr("Not saved: %1").arg(error));
}

} // namespace paydesk::ui
