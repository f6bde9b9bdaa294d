// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SiteTitleItem: the name of a campus on the map, drawn at the same screen size at every zoom
// (ItemIgnoresTransformations) on a small plate, so it stays readable over a zoomed-out map.
// A detail line may sit under the plate (the campus headroom), red when it warns.
// Thread: GUI.
// Owner: its SiteAreaItem (parent item).
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QStaticText>

namespace kumo {

class SiteTitleItem : public QGraphicsItem
{
public:
    explicit SiteTitleItem(QGraphicsItem* parent = nullptr);

    void setTitle(const QString& text, const QColor& color);
    [[nodiscard]] QString text() const { return m_text.text(); }
    [[nodiscard]] qreal width() const;
    // The line under the plate; empty removes it. `warning` draws it in red.
    void setDetail(const QString& text, bool warning);
    [[nodiscard]] QString detailText() const { return m_detail.text(); }
    [[nodiscard]] bool detailWarns() const { return m_detailWarning; }
    // Height of the plate and the detail line, in screen pixels.
    [[nodiscard]] qreal height() const;

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QStaticText m_text;
    QColor m_color;
    QStaticText m_detail;
    bool m_detailWarning = false;
};

} // namespace kumo
