#include "api/Numbers.h"

#include "ids/IdGenerator.h"

namespace paydesk {

QString checkNumberFormat(const QString& number)
{
    return OrderNumberGenerator::checkFormat(number);
}

} // namespace paydesk
