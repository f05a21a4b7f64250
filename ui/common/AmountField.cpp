#include "common/AmountField.h"

#include <QLineEdit>

namespace paydesk::ui {

std::optional<Money> AmountField::read(QLineEdit* field, Rule rule, const QString& wrongSign,
                                       const std::function<void(const QString&)>& tell)
{
    QString error;
    const std::optional<Money> amount = Money::parse(field->text().trimmed(), kCny, &error);
    const bool signOk =
        amount && (rule == Rule::Positive ? amount->isPositive() : !amount->isZero());
    if (signOk)
        return amount;
    tell(amount ? wrongSign : tr("The amount is not valid: %1").arg(error));
    field->setFocus();
    return std::nullopt;
}

} // namespace paydesk::ui
