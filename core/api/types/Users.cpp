#include "api/types/Users.h"

#include <QStringList>

namespace paydesk {

QString roleName(Role r)
{
    switch (r) {
    case Role::Cashier:
        return QStringLiteral("cashier");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    case Role::Accountant:
        return QStringLiteral("accountant");
    case Role::Support:
        return QStringLiteral("support");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return QStringLiteral("unknown");
}

std::optional<Role> roleFromName(const QString& name)
{
    for (int r = int(Role::Cashier); r <= int(Role::Admin); ++r)
        if (roleName(Role(r)).compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return Role(r);
    return std::nullopt;
}

std::optional<QList<Role>> parseRoles(const QString& text, QString* bad)
{
    QList<Role> roles;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const std::optional<Role> r = roleFromName(part);
        if (!r) {
            if (bad)
                *bad = part.trimmed();
            return std::nullopt;
        }
        if (!roles.contains(*r))
            roles << *r;
    }
    std::sort(roles.begin(), roles.end());
    return roles;
}

QString roleNames(const QList<Role>& roles)
{
    QStringList names;
    for (Role r : roles)
        names << roleName(r);
    return names.join(QLatin1Char(','));
}

} // namespace paydesk
