#include "Scene.h"

#include <QRandomGenerator>

namespace paydesk::scanset {

QString conditionName(Condition c)
{
    switch (c) {
    case Condition::Counter:
        return QStringLiteral("counter");
    case Condition::ThinModules:
        return QStringLiteral("thinModules");
    case Condition::DarkMode:
        return QStringLiteral("darkMode");
    case Condition::Rotated:
        return QStringLiteral("rotated");
    case Condition::Glare:
        return QStringLiteral("glare");
    case Condition::ProductBarcodeBeside:
        return QStringLiteral("productBarcodeBeside");
    case Condition::MerchantSticker:
        return QStringLiteral("merchantSticker");
    case Condition::NoPaymentCode:
        return QStringLiteral("noPaymentCode");
    }
    return {};
}

QList<Condition> allConditions()
{
    return {Condition::Counter,         Condition::ThinModules,  Condition::DarkMode,
            Condition::Rotated,         Condition::Glare,        Condition::ProductBarcodeBeside,
            Condition::MerchantSticker, Condition::NoPaymentCode};
}

QString Scene::name() const
{
    return QStringLiteral("%1-%2-%3")
        .arg(conditionName(condition), symbologyName(symbology))
        .arg(index);
}

namespace {

// The three wallets' shapes in turn (core/domain/PaymentCode.h): WeChat 18
// digits from 10-15, Alipay 16-24 digits from 25-30, UnionPay 19 digits from 62.
QString paymentCodeFor(int index, QRandomGenerator& rng)
{
    QString code;
    int length = 18;
    switch (index % 3) {
    case 0:
        code = QString::number(10 + rng.bounded(6));
        break;
    case 1:
        code = QString::number(25 + rng.bounded(6));
        length = 16 + 2 * int(rng.bounded(3)); // 16, 18 or 20: what Alipay issues today
        break;
    default:
        code = QStringLiteral("62");
        length = 19;
        break;
    }
    while (code.size() < length)
        code += QChar(u'0' + rng.bounded(10));
    return code;
}

} // namespace

QList<Scene> scanSet(quint32 seed, int scenesPerCase)
{
    QList<Scene> set;
    for (Condition c : allConditions()) {
        const QList<Symbology> symbologies =
            c == Condition::NoPaymentCode ? QList<Symbology>{Symbology::Ean13, Symbology::Itf}
                                          : QList<Symbology>{Symbology::QrCode, Symbology::Code128};
        for (Symbology s : symbologies)
            for (int i = 0; i < scenesPerCase; ++i) {
                Scene scene;
                scene.condition = c;
                scene.symbology = s;
                scene.index = i;
                scene.seed = seed * 1000003u + quint32(c) * 10007u + quint32(s) * 101u + quint32(i);
                QRandomGenerator rng(scene.seed);
                if (c != Condition::NoPaymentCode)
                    scene.paymentCode = paymentCodeFor(i, rng);
                set << scene;
            }
    }
    return set;
}

} // namespace paydesk::scanset
