<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>BusinessPage</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="66"/>
        <source>Currency code:</source>
        <translation>Код валюты:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="68"/>
        <source>Currency symbol:</source>
        <translation>Символ валюты:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="70"/>
        <source>Phone region:</source>
        <translation>Регион телефонов:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75"/>
        <source>Business</source>
        <translation>Бизнес</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../ui/calendar_view.py" line="260"/>
        <source>Previous month</source>
        <translation>Предыдущий месяц</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_view.py" line="261"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_view.py" line="262"/>
        <source>Next month</source>
        <translation>Следующий месяц</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_view.py" line="296"/>
        <source>Drag a shipment onto another day to reschedule it.</source>
        <translation>Перетащите отгрузку на другой день, чтобы перенести её.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_view.py" line="394"/>
        <source>Choose a day to see its shipments.</source>
        <translation>Выберите день, чтобы увидеть его отгрузки.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_view.py" line="397"/>
        <source>Planned shipments on %1:</source>
        <translation>Запланированные отгрузки на %1:</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_view.py" line="401"/>
        <source>No planned shipments on %1.</source>
        <translation>На %1 отгрузок не запланировано.</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <location filename="../../ui/contacts_models.py" line="27"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_models.py" line="27"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
</context>
<context>
    <name>ContactOrdersModel</name>
    <message>
        <location filename="../../ui/contacts_models.py" line="55"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_models.py" line="55"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_models.py" line="55"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_models.py" line="56"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_models.py" line="56"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_models.py" line="56"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <location filename="../../ui/quick_capture.py" line="59"/>
        <source>Name or phone…</source>
        <translation>Имя или телефон…</translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture.py" line="66"/>
        <source>New contact…</source>
        <translation>Новый клиент…</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <location filename="../../ui/contacts_view.py" line="87"/>
        <source>Save contact</source>
        <translation>Сохранить клиента</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="88"/>
        <location filename="../../ui/contacts_view.py" line="141"/>
        <location filename="../../ui/contacts_view.py" line="405"/>
        <source>Archive</source>
        <translation>В архив</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="96"/>
        <source>Name or phone</source>
        <translation>Имя или телефон</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="98"/>
        <source>Show archived</source>
        <translation>Показывать архивных</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="132"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="133"/>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="134"/>
        <source>E-mail:</source>
        <translation>Эл. почта:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="135"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="136"/>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="137"/>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="139"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="140"/>
        <source>New contact</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="148"/>
        <source>Orders:</source>
        <translation>Заказов:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="148"/>
        <source>Revenue:</source>
        <translation>Выручка:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="148"/>
        <source>Profit:</source>
        <translation>Прибыль:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="148"/>
        <source>Margin:</source>
        <translation>Маржа:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="149"/>
        <source>Average check:</source>
        <translation>Средний чек:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="149"/>
        <source>First purchase:</source>
        <translation>Первая покупка:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="149"/>
        <source>Last purchase:</source>
        <translation>Последняя покупка:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="150"/>
        <source>Planned revenue:</source>
        <translation>Запланированная выручка:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="153"/>
        <source>Figures</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="168"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="280"/>
        <source>Open %1</source>
        <translation>Открыть «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="405"/>
        <source>Unarchive</source>
        <translation>Вернуть из архива</translation>
    </message>
</context>
<context>
    <name>DayShipmentsModel</name>
    <message>
        <location filename="../../ui/calendar_view.py" line="158"/>
        <source>Contact</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_view.py" line="158"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_view.py" line="158"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_view.py" line="158"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
</context>
<context>
    <name>GroupsTableModel</name>
    <message>
        <location filename="../../ui/orders_models.py" line="246"/>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="247"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="248"/>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="249"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="250"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="251"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="252"/>
        <source>Average check</source>
        <translation>Средний чек</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../ui/order_lines.py" line="57"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines.py" line="58"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines.py" line="59"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines.py" line="60"/>
        <location filename="../../ui/order_lines.py" line="242"/>
        <source>Unit price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines.py" line="61"/>
        <location filename="../../ui/order_lines.py" line="242"/>
        <source>Unit cost</source>
        <translation>Закупка</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines.py" line="62"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines.py" line="63"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines.py" line="64"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines.py" line="216"/>
        <source>Choose a product.</source>
        <translation>Выберите товар.</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines.py" line="244"/>
        <source>Type the %1.</source>
        <translation>Заполните поле «%1».</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="114"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="115"/>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="116"/>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="131"/>
        <source>Open</source>
        <translation>Открыт</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="131"/>
        <source>Won</source>
        <translation>Выигран</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="131"/>
        <source>Lost</source>
        <translation>Проигран</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="138"/>
        <source>Role of the selected status:</source>
        <translation>Роль выбранного статуса:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="143"/>
        <source>Unticked entries are no longer offered.</source>
        <translation>Записи без галочки больше не предлагаются.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="176"/>
        <source>Row %1: %2</source>
        <translation>Строка %1: %2</translation>
    </message>
</context>
<context>
    <name>LossReasonDialog</name>
    <message>
        <location filename="../../ui/loss_reason.py" line="13"/>
        <source>Why was the order lost?</source>
        <translation>Почему заказ сорвался?</translation>
    </message>
    <message>
        <location filename="../../ui/loss_reason.py" line="33"/>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <location filename="../../ui/loss_reason.py" line="34"/>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="54"/>
        <source>Lavka — %1</source>
        <translation>Лавка — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62"/>
        <location filename="../../ui/main_window.py" line="164"/>
        <source>Contacts</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64"/>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65"/>
        <source>Calendar</source>
        <translation>Календарь</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>Section</source>
        <translation>Раздел</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>Database: %1</source>
        <translation>База данных: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>&amp;New order…</source>
        <translation>&amp;Новый заказ…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>New &amp;contact</source>
        <translation>Новый &amp;клиент</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>&amp;About Lavka</source>
        <translation>&amp;О программе «Лавка»</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>About Lavka</source>
        <translation>О программе «Лавка»</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>Lavka — a desktop CRM for a one-person business.

Database: %1</source>
        <translation>Лавка — настольная CRM для бизнеса одного человека.

База данных: %1</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message numerus="yes">
        <location filename="../../ui/calendar_view.py" line="147"/>
        <source>%n shipment(s)</source>
        <translation>
            <numerusform>%n отгрузка</numerusform>
            <numerusform>%n отгрузки</numerusform>
            <numerusform>%n отгрузок</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewContactDialog</name>
    <message>
        <location filename="../../ui/quick_capture.py" line="124"/>
        <source>New contact</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture.py" line="136"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture.py" line="137"/>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
</context>
<context>
    <name>OrderEditor</name>
    <message>
        <location filename="../../ui/order_editor.py" line="98"/>
        <source>New order</source>
        <translation>Новый заказ</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="126"/>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="127"/>
        <source>Contact:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="128"/>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="129"/>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="133"/>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="146"/>
        <source>Add line</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="147"/>
        <source>Duplicate line</source>
        <translation>Дублировать строку</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="148"/>
        <source>Remove line</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="164"/>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="165"/>
        <source>Cost:</source>
        <translation>Себестоимость:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="166"/>
        <source>Profit:</source>
        <translation>Прибыль:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="167"/>
        <source>Margin:</source>
        <translation>Маржа:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="185"/>
        <source>Shipments</source>
        <translation>Отгрузки</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="207"/>
        <source>Order No. %1</source>
        <translation>Заказ № %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="265"/>
        <location filename="../../ui/order_editor.py" line="334"/>
        <source>Fix the marked cells first.</source>
        <translation>Сначала исправьте отмеченные ячейки.</translation>
    </message>
</context>
<context>
    <name>OrdersTableModel</name>
    <message>
        <location filename="../../ui/orders_models.py" line="89"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="90"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="91"/>
        <source>Contact</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="92"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="93"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="94"/>
        <source>Lines</source>
        <translation>Строк</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="95"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="96"/>
        <source>Cost</source>
        <translation>Себестоимость</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="97"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="98"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../ui/orders_view.py" line="66"/>
        <source>The status was not changed</source>
        <translation>Статус не изменён</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="97"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="98"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="99"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="100"/>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="101"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="102"/>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="103"/>
        <source>Custom…</source>
        <translation>Свой период…</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="115"/>
        <source>Name, phone, comment or №number…</source>
        <translation>Имя, телефон, комментарий или №номер…</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="119"/>
        <source>None</source>
        <translation>Без группировки</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="120"/>
        <source>Contact</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="121"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="122"/>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="127"/>
        <source>Show the orders of every contact</source>
        <translation>Показать заказы всех клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="136"/>
        <source>Group by:</source>
        <translation>Группировать:</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="158"/>
        <source>Set status</source>
        <translation>Сменить статус</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="159"/>
        <source>Open order</source>
        <translation>Открыть заказ</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="260"/>
        <source>%1 ✕</source>
        <translation>%1 ✕</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="295"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders_view.py" line="307"/>
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n группа</numerusform>
            <numerusform>%n группы</numerusform>
            <numerusform>%n групп</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders_view.py" line="309"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n заказ</numerusform>
            <numerusform>%n заказа</numerusform>
            <numerusform>%n заказов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../ui/products_view.py" line="200"/>
        <source>New product</source>
        <translation>Новый товар</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="200"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="202"/>
        <source>Offered in pickers</source>
        <translation>Предлагать при выборе</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="207"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="208"/>
        <source>SKU:</source>
        <translation>Артикул:</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="209"/>
        <source>Default price:</source>
        <translation>Цена по умолчанию:</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="210"/>
        <source>Default cost:</source>
        <translation>Закупочная цена:</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="211"/>
        <source>Active:</source>
        <translation>Активен:</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <location filename="../../ui/products_view.py" line="77"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="77"/>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="77"/>
        <source>Default price</source>
        <translation>Цена по умолчанию</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="77"/>
        <source>Default cost</source>
        <translation>Закупочная цена</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="78"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="78"/>
        <source>Units</source>
        <translation>Продано, шт.</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="78"/>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="78"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="79"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="132"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="132"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
</context>
<context>
    <name>ProductsView</name>
    <message>
        <location filename="../../ui/products_view.py" line="299"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="299"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="299"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="300"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="300"/>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="304"/>
        <location filename="../../ui/products_view.py" line="306"/>
        <source>New product</source>
        <translation>Новый товар</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="305"/>
        <location filename="../../ui/products_view.py" line="307"/>
        <source>Edit product</source>
        <translation>Изменить товар</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="309"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <location filename="../../ui/order_editor.py" line="57"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="58"/>
        <source>The order has unsaved changes. Discard them?</source>
        <translation>В заказе есть несохранённые изменения. Отменить их?</translation>
    </message>
</context>
<context>
    <name>QMainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="29"/>
        <source>Welcome to Lavka</source>
        <translation>Добро пожаловать в «Лавку»</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="31"/>
        <source>Your database is empty.

Would you like to look around with a demo business first (a wholesaler of wallets with two years of orders)? You can start a clean database later.</source>
        <translation>База данных пуста.

Хотите сначала осмотреться на демонстрационном бизнесе (оптовый продавец кошельков с заказами за два года)? Чистую базу можно будет создать позже.</translation>
    </message>
</context>
<context>
    <name>QuickCapture</name>
    <message>
        <location filename="../../ui/quick_capture.py" line="164"/>
        <source>A customer is calling</source>
        <translation>Звонит клиент</translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture.py" line="170"/>
        <source>Phone, in any form</source>
        <translation>Телефон в любом формате</translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture.py" line="171"/>
        <location filename="../../ui/quick_capture.py" line="234"/>
        <source>Type the phone number.</source>
        <translation>Введите номер телефона.</translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture.py" line="173"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture.py" line="182"/>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture.py" line="230"/>
        <source>Known customer: %1</source>
        <translation>Известный клиент: %1</translation>
    </message>
    <message>
        <location filename="../../ui/quick_capture.py" line="232"/>
        <source>New customer: type the name.</source>
        <translation>Новый клиент: введите имя.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="232"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="234"/>
        <source>Order statuses</source>
        <translation>Статусы заказов</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="235"/>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="236"/>
        <source>Loss reasons</source>
        <translation>Причины отказа</translation>
    </message>
</context>
</TS>
