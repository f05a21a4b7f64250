#include "reconcile/ReconScreen.h"

#include "api/ReconApi.h"
#include "api/types/ChinaTime.h"
#include "api/types/ReconReportExport.h"
#include "app/CoreSession.h"
#include "common/ActorField.h"
#include "common/ModelTexts.h"
#include "common/ScreenWidgets.h"
#include "reconcile/DifferencesModel.h"
#include "reconcile/ReconReportModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace paydesk::ui {

namespace {

bool awaitsDecision(DiffState s)
{
    return s == DiffState::WriteOffProposed || s == DiffState::RecoveryProposed;
}

bool needsWork(DiffState s)
{
    return s == DiffState::Open || s == DiffState::PendingNextDay;
}

} // namespace

ReconScreen::ReconScreen(CoreSession& core, QWidget* parent)
    : QWidget(parent), m_core(core), m_reportModel(new ReconReportModel(this)),
      m_diffModel(new DifferencesModel(this))
{
    setObjectName(QStringLiteral("reconScreen"));
    setAcceptDrops(true);
    m_actor = new ActorField(core, this);
    // The run's report beside the differences it found: both stay in view
    // while a person works them.
    QWidget* report = buildRunBox();
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(report);
    split->addWidget(buildDifferenceBox());
    split->setSizes({470, 530});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_actor);
    layout->addLayout(m_runControls);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    retranslate();
    showSelected();
}

QWidget* ReconScreen::buildRunBox()
{
    auto* box = new QWidget(this);
    m_channelLabel = new QLabel(box);
    m_channel = new QComboBox(box);
    m_channel->setObjectName(QStringLiteral("reconChannel"));
    m_channel->setEditable(true);
    for (const WalletReachability& w : m_core.api->reachability())
        if (m_channel->findText(w.channel) < 0)
            m_channel->addItem(w.channel);
    m_dayLabel = new QLabel(box);
    m_day = new QDateEdit(chinaTime(m_core.clock->nowMs()).date().addDays(-1), box);
    m_day->setObjectName(QStringLiteral("reconDay"));
    m_day->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_day->setCalendarPopup(true);
    m_download = newNamedButton(QStringLiteral("reconDownload"), box);
    m_fromFile = newNamedButton(QStringLiteral("reconFromFile"), box);
    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("reconProgress"));
    m_progress->setRange(0, 0); // a run says nothing of its progress: busy while it lasts
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_status = newStatusLabel(QStringLiteral("reconStatus"), this);
    m_reportView = newTableView(m_reportModel, QStringLiteral("reconReportView"), box);
    m_exportCsv = newNamedButton(QStringLiteral("reconExportCsv"), box);
    m_exportPdf = newNamedButton(QStringLiteral("reconExportPdf"), box);

    m_runControls = new QHBoxLayout;
    m_runControls->setContentsMargins(9, 0, 9, 0);
    m_runControls->addWidget(m_channelLabel);
    m_runControls->addWidget(m_channel);
    m_runControls->addWidget(m_dayLabel);
    m_runControls->addWidget(m_day);
    m_runControls->addWidget(m_download);
    m_runControls->addWidget(m_fromFile);
    m_runControls->addWidget(m_progress);
    m_runControls->addStretch(1);
    m_status->setContentsMargins(9, 0, 9, 0);
    auto* exports = new QHBoxLayout;
    exports->addStretch(1);
    exports->addWidget(m_exportCsv);
    exports->addWidget(m_exportPdf);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_reportView, 1);
    layout->addLayout(exports);

    connect(m_download, &QPushButton::clicked, this, [this] { reconcile(); });
    connect(m_fromFile, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("The channel's bill"), QString(),
                                         tr("Bills (*.csv *.zip *.txt);;All files (*)"));
        if (!path.isEmpty())
            reconcile(path);
    });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportAsked(false); });
    connect(m_exportPdf, &QPushButton::clicked, this, [this] { exportAsked(true); });
    return box;
}

QWidget* ReconScreen::buildDifferenceBox()
{
    auto* box = new QWidget(this);
    m_needsAction = new QCheckBox(box);
    m_needsAction->setObjectName(QStringLiteral("diffNeedsAction"));
    m_needsAction->setChecked(true);
    m_diffView = newTableView(m_diffModel, QStringLiteral("diffView"), box);
    m_diffDetail = newStatusLabel(QStringLiteral("diffDetail"), box);
    m_reasonLabel = new QLabel(box);
    m_reason = new QLineEdit(box);
    m_reason->setObjectName(QStringLiteral("diffReason"));
    m_resolve = newNamedButton(QStringLiteral("diffResolve"), box);
    m_writeOff = newNamedButton(QStringLiteral("diffWriteOff"), box);
    m_recover = newNamedButton(QStringLiteral("diffRecover"), box);
    m_approve = newNamedButton(QStringLiteral("diffApprove"), box);
    m_reject = newNamedButton(QStringLiteral("diffReject"), box);
    m_owner = new QLineEdit(box);
    m_owner->setObjectName(QStringLiteral("diffOwner"));
    m_assign = newNamedButton(QStringLiteral("diffAssign"), box);

    auto* reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reasonLabel);
    reasonRow->addWidget(m_reason, 1);
    reasonRow->addWidget(m_owner);
    reasonRow->addWidget(m_assign);
    auto* steps = new QHBoxLayout;
    for (QPushButton* b : {m_resolve, m_writeOff, m_recover, m_approve, m_reject})
        steps->addWidget(b);
    steps->addStretch(1);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_needsAction);
    layout->addWidget(m_diffView, 1);
    layout->addWidget(m_diffDetail);
    layout->addLayout(reasonRow);
    layout->addLayout(steps);

    connect(m_needsAction, &QCheckBox::toggled, this, &ReconScreen::reloadDifferences);
    connect(m_diffView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReconScreen::showSelected);
    connect(m_diffModel, &QAbstractItemModel::modelReset, this, &ReconScreen::showSelected);
    connect(m_resolve, &QPushButton::clicked, this, &ReconScreen::resolveSelected);
    connect(m_writeOff, &QPushButton::clicked, this, &ReconScreen::proposeWriteOffSelected);
    connect(m_recover, &QPushButton::clicked, this, &ReconScreen::proposeRecoverySelected);
    connect(m_approve, &QPushButton::clicked, this, [this] { decideSelected(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decideSelected(false); });
    connect(m_assign, &QPushButton::clicked, this, &ReconScreen::assignSelected);
    return box;
}

void ReconScreen::setChannel(const QString& channel)
{
    m_channel->setCurrentText(channel);
}

void ReconScreen::setDay(const QDate& day)
{
    m_day->setDate(day);
}

QString ReconScreen::status() const
{
    return m_status->text();
}

void ReconScreen::showStatus(const QString& text)
{
    m_status->setText(text);
}

void ReconScreen::setRunning(bool running)
{
    m_running = running;
    m_progress->setVisible(running);
    applyPermissions();
}

void ReconScreen::reconcile(const QString& billPath)
{
    if (m_running)
        return;
    const std::optional<QString> by = m_actor->actor([this](const QString& t) { showStatus(t); });
    if (!by)
        return;
    ReconcileRequest request;
    request.channel = m_channel->currentText().trimmed();
    request.day = m_day->date();
    request.billPath = billPath;
    request.by = *by;
    showStatus(billPath.isEmpty() ? tr("Downloading and reconciling the %1 bill of %2…")
                                        .arg(request.channel, request.day.toString(Qt::ISODate))
                                  : tr("Reconciling %1…").arg(billPath));
    setRunning(true);
    // A bill file is reconciled at once and a large one takes seconds: the
    // progress bar and the status are painted before the run starts.
    repaint();
    m_core.api->reconciliation().reconcile(
        request, [self = QPointer<ReconScreen>(this), request](const ReconcileResult& r) {
            if (!self)
                return;
            self->setRunning(false);
            if (!r.outcome.ok()) {
                self->showStatus(r.outcome.message);
                return;
            }
            self->m_reportModel->setReport(r.report);
            self->m_reportView->resizeColumnsToContents();
            qint64 found = 0;
            for (const ReconKindTotals& k : r.report.byKind)
                found += k.count;
            const QString what =
                tr("%1 %2 reconciled: %3 matched, %n difference(s).", nullptr, int(found))
                    .arg(request.channel, request.day.toString(Qt::ISODate))
                    .arg(r.report.matched);
            self->showStatus(r.outcome.status == BackOfficeStatus::Repeated
                                 ? what + QLatin1Char(' ') +
                                       tr("The same bill as before: nothing changed.")
                                 : what);
            self->reloadDifferences();
        });
}

QString ReconScreen::exportReport(const QString& path, bool pdf) const
{
    if (!m_reportModel->hasReport())
        return tr("no run to export yet: reconcile a day first");
    const ReconReport& r = m_reportModel->report();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(pdf ? reconReportPdf(r) : reconReportCsv(r)) < 0 || !out.commit())
        return out.errorString();
    return QString();
}

void ReconScreen::exportAsked(bool pdf)
{
    const ReconReport& r = m_reportModel->report();
    const QString name = QStringLiteral("reconciliation-%1-%2.%3")
                             .arg(r.channel, r.businessDate.toString(Qt::ISODate),
                                  pdf ? QStringLiteral("pdf") : QStringLiteral("csv"));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the report"), name,
                                     pdf ? tr("PDF files (*.pdf)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const QString error = exportReport(path, pdf);
    showStatus(error.isEmpty() ? tr("Report written to %1").arg(path)
                               : tr("Not exported: %1").arg(error));
}

void ReconScreen::reloadDifferences()
{
    applyPermissions();
    if (const BackOfficeOutcome o = m_core.permit(UseCase::ReadDifferences); !o.ok()) {
        m_diffModel->setDifferences({});
        m_diffDetail->setText(o.message);
        return;
    }
    const ReconDifference* shown = current();
    const qint64 keep = shown ? shown->id : 0;
    DiffFilter f;
    f.needsAction = m_needsAction->isChecked();
    f.limit = 1000;
    m_core.api->reconciliation().differences(
        f, [self = QPointer<ReconScreen>(this), keep](const QList<ReconDifference>& list) {
            if (!self)
                return;
            self->m_diffModel->setDifferences(list);
            self->m_diffView->resizeColumnsToContents();
            self->selectDifference(keep);
        });
}

bool ReconScreen::selectDifference(qint64 id)
{
    const int row = id ? m_diffModel->rowOf(id) : -1;
    if (row < 0)
        return false;
    m_diffView->setCurrentIndex(m_diffModel->index(row, 0));
    return true;
}

const ReconDifference* ReconScreen::current() const
{
    const int row = m_diffView->currentIndex().row();
    return row >= 0 && row < m_diffModel->rowCount() ? &m_diffModel->differences().at(row)
                                                     : nullptr;
}

const ReconDifference* ReconScreen::selected()
{
    const ReconDifference* d = current();
    if (!d)
        m_diffDetail->setText(tr("Pick a difference in the list first."));
    return d;
}

void ReconScreen::showSelected()
{
    const ReconDifference* shown = current();
    if (!shown) {
        m_diffDetail->setText(m_diffModel->rowCount() ? tr("Pick a difference to work on it.")
                                                      : tr("No difference needs a person."));
        applyPermissions();
        return;
    }
    const ReconDifference& d = *shown;
    QStringList parts;
    parts << tr("No. %1: %2 of %3 %4")
                 .arg(d.id)
                 .arg(diffKindName(d.kind), itemKindName(d.item), d.itemNo);
    if (!d.orderNo.isEmpty())
        parts << tr("order %1").arg(d.orderNo);
    parts << tr("state %1").arg(diffStateName(d.state));
    parts << tr("owner %1").arg(d.owner.isEmpty() ? tr("the accounting team") : d.owner);
    if (!d.proposedBy.isEmpty())
        parts << tr("proposed by %1").arg(d.proposedBy);
    if (!d.decidedBy.isEmpty())
        parts << tr("decided by %1").arg(d.decidedBy);
    if (!d.note.isEmpty())
        parts << tr("note: %1").arg(d.note);
    parts << tr("found %1, last changed %2")
                 .arg(chinaTime(d.createdAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                      chinaTime(d.updatedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    m_diffDetail->setText(parts.join(QStringLiteral("; ")));
    applyPermissions();
}

void ReconScreen::applyPermissions()
{
    m_actor->refresh();
    const bool reconcile = !m_running && m_core.permit(UseCase::Reconcile).ok();
    m_download->setEnabled(reconcile);
    m_fromFile->setEnabled(reconcile);
    m_exportCsv->setEnabled(m_reportModel->hasReport());
    m_exportPdf->setEnabled(m_reportModel->hasReport());
    const ReconDifference* d = current();
    const bool work = d && m_core.permit(UseCase::WorkDifference).ok();
    const bool decide = d && m_core.permit(UseCase::DecideDifference).ok();
    m_resolve->setEnabled(work && needsWork(d->state));
    m_writeOff->setEnabled(work && needsWork(d->state));
    m_recover->setEnabled(work && needsWork(d->state));
    m_assign->setEnabled(work && (needsWork(d->state) || awaitsDecision(d->state)));
    m_approve->setEnabled(decide && awaitsDecision(d->state));
    m_reject->setEnabled(decide && awaitsDecision(d->state));
}

void ReconScreen::step(
    const std::function<void(const ReconDifference&, const QString& by, const QString& reason,
                             std::function<void(const BackOfficeOutcome&)>)>& call,
    bool needsReason)
{
    const ReconDifference* d = selected();
    if (!d)
        return;
    const std::optional<QString> by =
        m_actor->actor([this](const QString& t) { m_diffDetail->setText(t); });
    if (!by)
        return;
    const QString reason = m_reason->text().trimmed();
    if (needsReason && reason.isEmpty()) {
        m_diffDetail->setText(tr("Give the reason first: it stays with difference %1.").arg(d->id));
        m_reason->setFocus();
        return;
    }
    const qint64 id = d->id;
    call(*d, *by, reason, [self = QPointer<ReconScreen>(this), id](const BackOfficeOutcome& o) {
        if (!self)
            return;
        if (o.ok())
            self->m_reason->clear();
        self->reloadDifferences();
        // A difference that leaves the list (worked or decided) is still named.
        if (!self->selectDifference(id) || !o.ok())
            self->m_diffDetail->setText(o.ok() ? tr("Difference %1: %2").arg(id).arg(o.message)
                                               : o.message);
    });
}

void ReconScreen::resolveSelected()
{
    step(
        [this](const ReconDifference& d, const QString& by, const QString& reason, auto reply) {
            m_core.api->reconciliation().resolveDifference(d.id, by, reason, reply);
        },
        true);
}

void ReconScreen::proposeWriteOffSelected()
{
    step(
        [this](const ReconDifference& d, const QString& by, const QString& reason, auto reply) {
            m_core.api->reconciliation().proposeWriteOff(d.id, by, reason, reply);
        },
        true);
}

void ReconScreen::proposeRecoverySelected()
{
    step(
        [this](const ReconDifference& d, const QString& by, const QString& reason, auto reply) {
            m_core.api->reconciliation().proposeRecovery(d.id, by, reason, reply);
        },
        true);
}

void ReconScreen::decideSelected(bool approve)
{
    step(
        [this, approve](const ReconDifference& d, const QString& by, const QString&, auto reply) {
            m_core.api->reconciliation().decideDifference(d.id, by, approve, reply);
        },
        false);
}

void ReconScreen::assignSelected()
{
    const QString owner = m_owner->text().trimmed();
    if (owner.isEmpty()) {
        m_diffDetail->setText(tr("Type who should work it (the owner) first."));
        m_owner->setFocus();
        return;
    }
    step(
        [this, owner](const ReconDifference& d, const QString& by, const QString&, auto reply) {
            m_core.api->reconciliation().assignDifference(d.id, owner, by, reply);
        },
        false);
}

void ReconScreen::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile() && m_download->isEnabled())
        event->acceptProposedAction();
}

void ReconScreen::dropEvent(QDropEvent* event)
{
    reconcile(event->mimeData()->urls().first().toLocalFile());
    event->acceptProposedAction();
}

void ReconScreen::retranslate()
{
    m_channelLabel->setText(tr("Channel"));
    m_dayLabel->setText(tr("Day"));
    m_download->setText(tr("Download the bill and reconcile"));
    m_fromFile->setText(tr("Reconcile a bill file…"));
    m_fromFile->setToolTip(tr("Or drop the bill file (WeChat CSV, Alipay ZIP) on this screen."));
    m_exportCsv->setText(tr("Export CSV…"));
    m_exportPdf->setText(tr("Export PDF…"));
    m_needsAction->setText(tr("Only differences that need a person"));
    m_reasonLabel->setText(tr("Reason"));
    m_owner->setPlaceholderText(tr("owner"));
    m_resolve->setText(tr("Explain (resolve)"));
    m_writeOff->setText(tr("Propose write-off"));
    m_recover->setText(tr("Propose recovery"));
    m_approve->setText(tr("Approve proposal"));
    m_reject->setText(tr("Reject proposal"));
    m_assign->setText(tr("Assign"));
    refreshModelTexts(m_reportModel);
    refreshModelTexts(m_diffModel);
    showSelected();
}

void ReconScreen::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
