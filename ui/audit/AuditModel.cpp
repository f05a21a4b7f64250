#include "audit/AuditModel.h"

#include "api/types/ChinaTime.h"

namespace paydesk::ui {

void AuditModel::setEntries(const QList<AuditEntry>& entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int AuditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const AuditEntry& e = m_entries.at(index.row());
    switch (index.column()) {
    case Time:
        return chinaTime(e.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case User:
        return e.user.isEmpty() ? tr("(no login)") : e.user;
    case Counter:
        return e.terminal;
    case Action:
        return e.action;
    case Subject:
        return e.subject;
    case Detail:
        return e.detail;
    case Outcome:
        // The stable status name: what support searches and scripts read.
        return e.outcome.isEmpty() ? tr("(no answer)") : e.outcome;
    case Message:
        return e.message;
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case User:
        return tr("User");
    case Counter:
        return tr("Counter");
    case Action:
        return tr("Action");
    case Subject:
        return tr("About");
    case Detail:
        return tr("Detail");
    case Outcome:
        return tr("Outcome");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace paydesk::ui
