#pragma once

#include "api/types/Commands.h" // Money

#include <QCoreApplication>

#include <functional>
#include <optional>

class QLineEdit;

namespace paydesk::ui {

// A back-office form's amount field read as yuan (CNY): the amount, or
// nothing after telling the person what is wrong (through `tell`) and
// putting the cursor back in the field.
class AmountField
{
    Q_DECLARE_TR_FUNCTIONS(AmountField)
public:
    enum class Rule
    {
        Positive, // a payout, a top-up, a withdrawal
        NonZero,  // a signed adjustment
    };
    // `wrongSign`: what to say of a zero (or, for Positive, negative) amount.
    static std::optional<Money> read(QLineEdit* field, Rule rule, const QString& wrongSign,
                                     const std::function<void(const QString&)>& tell);
};

} // namespace paydesk::ui
