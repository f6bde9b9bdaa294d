// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonreader.h"

#include <limits>
#include <utility>

namespace kumo {

JsonReader::JsonReader(const QJsonObject& object, QString path, Error* error)
    : m_object(object)
    , m_path(std::move(path))
    , m_error(error)
{}

QString JsonReader::field(const QString& key) const
{
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

QJsonValue JsonReader::value(const char* key, bool required)
{
    QJsonValue result = m_object.value(QLatin1String(key));
    if (result.isUndefined() && required)
        missing(key);
    return result;
}

QString JsonReader::string(const char* key, bool required)
{
    const QJsonValue v = value(key, required);
    if (v.isUndefined())
        return {};
    if (!v.isString())
        return bad(key), QString();
    return v.toString();
}

qint64 JsonReader::integer(const char* key, qint64 minimum)
{
    const QJsonValue v = value(key, true);
    if (v.isUndefined())
        return 0;
    constexpr qint64 NotInteger = std::numeric_limits<qint64>::min();
    const qint64 number = v.toInteger(NotInteger);
    if (number == NotInteger || number < minimum)
        return bad(key), 0;
    return number;
}

bool JsonReader::boolean(const char* key)
{
    const QJsonValue v = value(key, false);
    if (v.isUndefined())
        return false;
    if (!v.isBool())
        return bad(key), false;
    return v.toBool();
}

QDateTime JsonReader::date(const char* key, bool required)
{
    const QJsonValue v = value(key, required);
    if (v.isUndefined() || (v.isNull() && !required))
        return {};
    const QDateTime date = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!v.isString() || !date.isValid())
        return bad(key), QDateTime();
    return date.toUTC();
}

QJsonObject JsonReader::object(const char* key)
{
    const QJsonValue v = value(key, true);
    if (!v.isUndefined() && !v.isObject())
        bad(key);
    return v.toObject();
}

QJsonArray JsonReader::array(const char* key)
{
    const QJsonValue v = value(key, true);
    if (!v.isUndefined() && !v.isArray())
        bad(key);
    return v.toArray();
}

void JsonReader::missing(const char* key)
{
    fail(tr("The field %1 is missing.").arg(field(key)));
}

void JsonReader::bad(const char* key)
{
    badField(field(key));
}

void JsonReader::badField(const QString& path)
{
    fail(tr("The field %1 has an invalid value.").arg(path));
}

void JsonReader::fail(const QString& message)
{
    if (m_error->code == ErrorCode::None)
        *m_error = Error{ErrorCode::InvalidInput, QString(), message, QString(), 0, 0};
}

void JsonReader::nested(const QString& path, const Error& error)
{
    fail(tr("In %1: %2").arg(path, error.message));
}

QJsonValue jsonDate(const QDateTime& date)
{
    return date.isValid() ? QJsonValue(date.toUTC().toString(Qt::ISODateWithMs))
                          : QJsonValue(QJsonValue::Null);
}

QString jsonIndexed(const QString& path, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

} // namespace kumo
