<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="26"/>
        <source>About Lavka</source>
        <translation>О Лавке</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="30"/>
        <source>Lavka</source>
        <translation>Лавка</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="32"/>
        <source>A desktop CRM for a one-person business that sells goods.</source>
        <translation>Настольная CRM для того, кто торгует сам.</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="36"/>
        <source>Open data folder</source>
        <translation>Открыть папку с данными</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="46"/>
        <source>Database:</source>
        <translation>База данных:</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="48"/>
        <source>Data folder:</source>
        <translation>Папка с данными:</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <location filename="../../ui/contact_activity.py" line="33"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/contact_activity.py" line="33"/>
        <source>What happened</source>
        <translation>Что было</translation>
    </message>
    <message>
        <location filename="../../ui/contact_activity.py" line="55"/>
        <source>Order No. %1 · %2 · %3</source>
        <translation>Заказ № %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/contact_activity.py" line="61"/>
        <source>Done: %1</source>
        <translation>Выполнено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/contact_activity.py" line="64"/>
        <source>Asked how order No. %1 went</source>
        <translation>Спросили, как прошёл заказ № %1</translation>
    </message>
    <message>
        <location filename="../../ui/contact_activity.py" line="65"/>
        <source>Follow-up of order No. %1 dismissed</source>
        <translation>Звонок по заказу № %1 пропущен</translation>
    </message>
    <message>
        <location filename="../../ui/contact_activity.py" line="68"/>
        <source>About order No. %1: %2</source>
        <translation>О заказе № %1: %2</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <location filename="../../ui/backup.py" line="92"/>
        <source>Back up</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="99"/>
        <source> newest backups</source>
        <translation> последних копий</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="100"/>
        <source>Choose folder…</source>
        <translation>Выбрать папку…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="104"/>
        <source>Back up now</source>
        <translation>Создать копию</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="111"/>
        <source>Keep on the target:</source>
        <translation>Хранить на носителе:</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="114"/>
        <source>Write a verified copy of all data to:</source>
        <translation>Записать проверенную копию всех данных на:</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="130"/>
        <source>%1 — %2 free</source>
        <translation>%1 — свободно %2</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="134"/>
        <source>Last used: %1</source>
        <translation>В прошлый раз: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="151"/>
        <source>Back up to folder</source>
        <translation>Папка для резервной копии</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="154"/>
        <source>Chosen folder</source>
        <translation>Выбранная папка</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="177"/>
        <source>Backup written and verified:
%1

%2, %3
%4 contacts, %5 orders, %6 lines</source>
        <translation>Резервная копия записана и проверена:
%1

%2, %3
клиентов: %4, заказов: %5, строк: %6</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="194"/>
        <location filename="../../ui/backup.py" line="198"/>
        <location filename="../../ui/backup.py" line="316"/>
        <source>Lavka</source>
        <translation>Лавка</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="209"/>
        <location filename="../../ui/backup.py" line="279"/>
        <source>Restore from backup</source>
        <translation>Восстановить из резервной копии</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="214"/>
        <source>Taken</source>
        <translation>Создана</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="215"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="216"/>
        <source>Contacts</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="217"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="218"/>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="227"/>
        <source>Choose file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="231"/>
        <source>Restore…</source>
        <translation>Восстановить…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="239"/>
        <source>Backups found; each is verified before it is restored.</source>
        <translation>Найденные резервные копии; каждая проверяется перед восстановлением.</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="281"/>
        <source>Lavka backups (*.sqlite3);;All files (*)</source>
        <translation>Резервные копии Лавки (*.sqlite3);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="307"/>
        <source>An earlier start found the database damaged and moved it aside as
%1</source>
        <translation>При прошлом запуске база данных оказалась повреждена и была отложена как
%1</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="311"/>
        <source>The database is damaged (%1). It was moved aside, unchanged, as
%2</source>
        <translation>База данных повреждена (%1). Она отложена без изменений как
%2</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="321"/>
        <source>No verified backup was found.</source>
        <translation>Проверенная резервная копия не найдена.</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="334"/>
        <source>Restore the backup</source>
        <translation>Восстановить копию</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="338"/>
        <source>Start with an empty database</source>
        <translation>Начать с пустой базой</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="395"/>
        <source>The automatic backup when Lavka last closed was not made:
%1</source>
        <translation>Автоматическая резервная копия при прошлом закрытии Лавки не создана:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="326"/>
        <source>Restore the newest verified backup, taken %1 (%2 orders)?</source>
        <translation>Восстановить последнюю проверенную копию от %1 (заказов: %2)?</translation>
    </message>
</context>
<context>
    <name>BusinessPage</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="80"/>
        <source>Currency code:</source>
        <translation>Код валюты:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="82"/>
        <source>Currency symbol:</source>
        <translation>Символ валюты:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="84"/>
        <source>Phone region:</source>
        <translation>Регион телефонов:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="89"/>
        <source>Business</source>
        <translation>Бизнес</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../ui/calendar/view.py" line="154"/>
        <source>Previous month</source>
        <translation>Предыдущий месяц</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="155"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="156"/>
        <source>Next month</source>
        <translation>Следующий месяц</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="187"/>
        <source>New task…</source>
        <translation>Новая задача…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="188"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="190"/>
        <source>Drag a planned shipment or a task onto another day to move it.</source>
        <translation>Перетащите запланированную отгрузку или задачу на другой день, чтобы перенести её.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="251"/>
        <source>Shipments %1</source>
        <translation>Отгрузки %1</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="338"/>
        <source>Shipped on %1:</source>
        <translation>Отгружено %1:</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="340"/>
        <source>Tasks on %1:</source>
        <translation>Задачи на %1:</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="342"/>
        <source>No tasks on %1.</source>
        <translation>Задач на %1 нет.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="330"/>
        <source>Choose a day to see its shipments.</source>
        <translation>Выберите день, чтобы увидеть его отгрузки.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="334"/>
        <source>No shipments on %1.</source>
        <translation>Отгрузок %1 нет.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/view.py" line="336"/>
        <source>Planned shipments on %1:</source>
        <translation>Запланированные отгрузки на %1:</translation>
    </message>
</context>
<context>
    <name>ContactActivity</name>
    <message>
        <location filename="../../ui/contact_activity.py" line="96"/>
        <source>Called, will order after the 15th…</source>
        <translation>Звонил, закажет после 15-го…</translation>
    </message>
    <message>
        <location filename="../../ui/contact_activity.py" line="97"/>
        <source>Add note</source>
        <translation>Добавить заметку</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <location filename="../../ui/contacts_models.py" line="31"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_models.py" line="31"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_models.py" line="31"/>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_models.py" line="37"/>
        <source>Contacts</source>
        <translation>Клиенты</translation>
    </message>
</context>
<context>
    <name>ContactOrdersModel</name>
    <message>
        <location filename="../../ui/contacts_models.py" line="68"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_models.py" line="68"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_models.py" line="68"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_models.py" line="69"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_models.py" line="69"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_models.py" line="69"/>
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
        <location filename="../../ui/contacts_view.py" line="95"/>
        <source>Save contact</source>
        <translation>Сохранить клиента</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="96"/>
        <location filename="../../ui/contacts_view.py" line="164"/>
        <location filename="../../ui/contacts_view.py" line="495"/>
        <source>Archive</source>
        <translation>В архив</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="104"/>
        <source>Name or phone</source>
        <translation>Имя или телефон</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="106"/>
        <source>Show archived</source>
        <translation>Показывать архивных</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="108"/>
        <source>All segments</source>
        <translation>Все сегменты</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="155"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="156"/>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="157"/>
        <source>E-mail:</source>
        <translation>Эл. почта:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="158"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="159"/>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="160"/>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="162"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="163"/>
        <source>New contact</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="165"/>
        <source>New task…</source>
        <translation>Новая задача…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="175"/>
        <source>Orders:</source>
        <translation>Заказов:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="175"/>
        <source>Revenue:</source>
        <translation>Выручка:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="175"/>
        <source>Profit:</source>
        <translation>Прибыль:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="175"/>
        <source>Margin:</source>
        <translation>Маржа:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="176"/>
        <source>Average check:</source>
        <translation>Средний чек:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="176"/>
        <source>First purchase:</source>
        <translation>Первая покупка:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="176"/>
        <source>Last purchase:</source>
        <translation>Последняя покупка:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="177"/>
        <source>Planned revenue:</source>
        <translation>Запланированная выручка:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="180"/>
        <source>Figures</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="197"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="198"/>
        <source>Activity</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="343"/>
        <source>Open %1</source>
        <translation>Открыть «%1»</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts_view.py" line="470"/>
        <source>buys every ~%n day(s)</source>
        <translation>
            <numerusform>покупает раз в ~%n день</numerusform>
            <numerusform>покупает раз в ~%n дня</numerusform>
            <numerusform>покупает раз в ~%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts_view.py" line="472"/>
        <source>last purchase %n day(s) ago</source>
        <translation>
            <numerusform>последняя покупка %n день назад</numerusform>
            <numerusform>последняя покупка %n дня назад</numerusform>
            <numerusform>последняя покупка %n дней назад</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="474"/>
        <source>due to reorder</source>
        <translation>пора повторить заказ</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_view.py" line="495"/>
        <source>Unarchive</source>
        <translation>Вернуть из архива</translation>
    </message>
</context>
<context>
    <name>CustomersModel</name>
    <message>
        <location filename="../../ui/today/models.py" line="144"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="144"/>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="144"/>
        <source>Buys every</source>
        <translation>Покупает раз в</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="145"/>
        <source>Last purchase</source>
        <translation>Последняя покупка</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="148"/>
        <source>Usually buys</source>
        <translation>Обычно берёт</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="148"/>
        <source>Average check</source>
        <translation>Средний чек</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/models.py" line="158"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/models.py" line="159"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n день назад</numerusform>
            <numerusform>%n дня назад</numerusform>
            <numerusform>%n дней назад</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayShipmentsModel</name>
    <message>
        <location filename="../../ui/calendar/models.py" line="172"/>
        <source>Contact</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/models.py" line="172"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/models.py" line="172"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/models.py" line="172"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
</context>
<context>
    <name>DayTasksModel</name>
    <message>
        <location filename="../../ui/calendar/models.py" line="229"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/models.py" line="229"/>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/models.py" line="229"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../ui/export.py" line="40"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="41"/>
        <source>CSV for Excel in Russian: separator ; decimal comma (*.csv)</source>
        <translation>CSV для русского Excel: разделитель ; десятичная запятая (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="44"/>
        <source>CSV standard: separator , decimal point (*.csv)</source>
        <translation>CSV стандартный: разделитель , десятичная точка (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="116"/>
        <source>Export finished</source>
        <translation>Выгрузка завершена</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="118"/>
        <source>Written:
%1</source>
        <translation>Записано:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="120"/>
        <source>Open file</source>
        <translation>Открыть файл</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="123"/>
        <source>Open folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="139"/>
        <source>Export %1</source>
        <translation>Выгрузить: %1</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="149"/>
        <source>Exporting to %1…</source>
        <translation>Выгрузка в %1…</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="159"/>
        <source>Export all data</source>
        <translation>Выгрузить все данные</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="171"/>
        <source>Exporting all data to %1…</source>
        <translation>Выгрузка всех данных в %1…</translation>
    </message>
</context>
<context>
    <name>FollowUpAnswer</name>
    <message>
        <location filename="../../ui/today/dialogs.py" line="57"/>
        <source>Follow-up done</source>
        <translation>Звонок сделан</translation>
    </message>
    <message>
        <location filename="../../ui/today/dialogs.py" line="59"/>
        <source>All good, will order again in March…</source>
        <translation>Всё хорошо, закажет ещё в марте…</translation>
    </message>
    <message>
        <location filename="../../ui/today/dialogs.py" line="62"/>
        <source>What did %1 say about order No. %2? (kept in the contact&apos;s notes)</source>
        <translation>Что сказал(а) %1 о заказе № %2? (останется в истории клиента)</translation>
    </message>
</context>
<context>
    <name>FollowUpsModel</name>
    <message>
        <location filename="../../ui/today/models.py" line="120"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="120"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="120"/>
        <source>Delivered</source>
        <translation>Доставлен</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="120"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="121"/>
        <source>Days late</source>
        <translation>Просрочено, дн.</translation>
    </message>
</context>
<context>
    <name>GroupsTableModel</name>
    <message>
        <location filename="../../ui/orders_models.py" line="254"/>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="255"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="256"/>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="257"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="258"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="259"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="260"/>
        <source>Average check</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="283"/>
        <source>Groups</source>
        <translation>Группы</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="346"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="347"/>
        <source>Customer name</source>
        <translation>Имя клиента</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="348"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="349"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="350"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="351"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="352"/>
        <source>Cost</source>
        <translation>Себестоимость</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="353"/>
        <source>Order number</source>
        <translation>№ заказа</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="354"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="355"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="356"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="357"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="358"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="359"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="376"/>
        <source>Import from a file</source>
        <translation>Импорт из файла</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="378"/>
        <source>Spreadsheets (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>Таблицы (*.xlsx *.csv *.txt);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="80"/>
        <source>Import %1</source>
        <translation>Импорт: %1</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="90"/>
        <source>Columns of the file and what they hold:</source>
        <translation>Столбцы файла и что в них:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="92"/>
        <source>Column in the file</source>
        <translation>Столбец файла</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="92"/>
        <source>Holds</source>
        <translation>Содержит</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="95"/>
        <source>Check again with these columns</source>
        <translation>Проверить снова с этими столбцами</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="100"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="100"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="100"/>
        <source>Amount here → in the file</source>
        <translation>Сумма здесь → в файле</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="106"/>
        <source>Take the file&apos;s version of the orders changed both here and in the file</source>
        <translation>Взять версию из файла для заказов, изменённых и здесь, и в файле</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="111"/>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="111"/>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="111"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="119"/>
        <source>Skip the rejected rows (they are written to a file beside this one)</source>
        <translation>Пропустить отклонённые строки (они будут записаны в файл рядом с этим)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="124"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="164"/>
        <source>Reading %1…</source>
        <translation>Чтение %1…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="175"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="191"/>
        <source>— not imported —</source>
        <translation>— не импортировать —</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="213"/>
        <source>Choose what the columns hold, then check again.</source>
        <translation>Укажите, что содержат столбцы, и проверьте снова.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="216"/>
        <source>Lavka export</source>
        <translation>Выгрузка Лавки</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="216"/>
        <source>Sales log</source>
        <translation>Журнал продаж</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="218"/>
        <source>%1: %2 new contacts (%3 already known), %4 new products.</source>
        <translation>%1: новых клиентов — %2 (уже известных — %3), новых товаров — %4.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="224"/>
        <source>Orders: %1 new, %2 updated, %3 unchanged; %4 lines to write.</source>
        <translation>Заказы: новых — %1, обновятся — %2, без изменений — %3; строк к записи — %4.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="257"/>
        <source>Changed here too: Lavka&apos;s version is kept</source>
        <translation>Изменён и здесь: остаётся версия Лавки</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="259"/>
        <source>Updated from the file</source>
        <translation>Обновится из файла</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="270"/>
        <source>Orders changed in the file: %1.</source>
        <translation>Заказы, изменённые в файле: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="282"/>
        <source>%1 orders were changed both here and in the file since the last import: Lavka&apos;s version is kept unless you take the file&apos;s.</source>
        <translation>Заказов, изменённых и здесь, и в файле после прошлого импорта: %1. Остаётся версия Лавки, если не взять версию из файла.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="289"/>
        <source>%1 orders of the file were deleted here after an earlier import: they are not imported again.</source>
        <translation>Заказов из файла, удалённых здесь после прошлого импорта: %1. Повторно они не импортируются.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="294"/>
        <source>Nothing new: every order of the file is already here.</source>
        <translation>Ничего нового: все заказы из файла уже есть в Лавке.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="240"/>
        <source>Rejected rows: %1. Nothing is imported unless you skip them.</source>
        <translation>Отклонено строк: %1. Ничего не будет импортировано, если их не пропустить.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="244"/>
        <source>No rejected rows.</source>
        <translation>Отклонённых строк нет.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="300"/>
        <source>There is no cost column: new products and lines get a cost of 0, so their profit equals their revenue. Map the column that holds the cost.</source>
        <translation>Нет столбца себестоимости: у новых товаров и строк она будет 0, и прибыль сравняется с выручкой. Укажите столбец, в котором себестоимость.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="306"/>
        <source>Not imported: %1.</source>
        <translation>Не импортируются: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="330"/>
        <source>Importing…</source>
        <translation>Импорт…</translation>
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
        <location filename="../../ui/settings_dialog.py" line="179"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="180"/>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="181"/>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="196"/>
        <source>Open</source>
        <translation>Открыт</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="196"/>
        <source>Won</source>
        <translation>Выигран</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="196"/>
        <source>Lost</source>
        <translation>Проигран</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="203"/>
        <source>Role of the selected status:</source>
        <translation>Роль выбранного статуса:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="208"/>
        <source>Unticked entries are no longer offered.</source>
        <translation>Записи без галочки больше не предлагаются.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="241"/>
        <source>Row %1: %2</source>
        <translation>Строка %1: %2</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <location filename="../../ui/lock.py" line="35"/>
        <source>&apos;%1&apos; is already open in another Lavka (process %2 on %3). Switch to that window, or close it and start Lavka again.</source>
        <translation>«%1» уже открыта в другой Лавке (процесс %2 на %3). Перейдите в то окно или закройте его и запустите Лавку снова.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="41"/>
        <source>&apos;%1&apos; is already open in another Lavka. Switch to that window, or close it and start Lavka again.</source>
        <translation>«%1» уже открыта в другой Лавке. Перейдите в то окно или закройте его и запустите Лавку снова.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="50"/>
        <source>Lavka cannot create its lock file beside &apos;%1&apos; (the folder may be read-only), so it did not open the database.</source>
        <translation>Лавка не может создать файл блокировки рядом с «%1» (папка может быть только для чтения), поэтому база не открыта.</translation>
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
        <location filename="../../ui/main_window.py" line="413"/>
        <source>Lavka — %1</source>
        <translation>Лавка — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>Contacts</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>Calendar</source>
        <translation>Календарь</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>Section</source>
        <translation>Раздел</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>Database: %1</source>
        <translation>База данных: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>&amp;New order…</source>
        <translation>&amp;Новый заказ…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>New &amp;contact</source>
        <translation>Новый &amp;клиент</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>New &amp;task…</source>
        <translation>Новая &amp;задача…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>&amp;About Lavka</source>
        <translation>&amp;О программе «Лавка»</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>&amp;Export…</source>
        <translation>&amp;Выгрузить…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>Excel workbook (XLSX)…</source>
        <translation>Книга Excel (XLSX)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>Export &amp;all data…</source>
        <translation>Выгрузить &amp;все данные…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157"/>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>&amp;Back up…</source>
        <translation>Р&amp;езервная копия…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160"/>
        <source>&amp;Restore from backup…</source>
        <translation>В&amp;осстановить из резервной копии…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="258"/>
        <source>%n task(s) are due now</source>
        <translation>
            <numerusform>Подошёл срок %n задачи</numerusform>
            <numerusform>Подошёл срок %n задач</numerusform>
            <numerusform>Подошёл срок %n задач</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>Lavka: a task is due</source>
        <translation>Лавка: подошёл срок задачи</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342"/>
        <source>Skipped rows are in %1</source>
        <translation>Пропущенные строки записаны в %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="344"/>
        <source>The skipped rows could not be written: %1</source>
        <translation>Пропущенные строки не удалось записать: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="368"/>
        <source>Backing up to %1…</source>
        <translation>Резервное копирование в %1…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382"/>
        <source>Replace all data in Lavka with the backup
%1?

The data as it is now is saved as a backup first, so this can be undone.</source>
        <translation>Заменить все данные Лавки резервной копией
%1?

Текущие данные сначала сохраняются как резервная копия, так что это можно отменить.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="393"/>
        <source>Restored the backup taken %1.</source>
        <translation>Восстановлена резервная копия от %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="415"/>
        <source>%n due today</source>
        <translation>
            <numerusform>%n дело на сегодня</numerusform>
            <numerusform>%n дела на сегодня</numerusform>
            <numerusform>%n дел на сегодня</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <location filename="../../ui/main_window.py" line="397"/>
        <source>The data as it was before is saved as
%1</source>
        <translation>Прежние данные сохранены как
%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320"/>
        <source>Imported %1 new orders and updated %5, with %2 lines; %3 new contacts, %4 new products.</source>
        <translation>Новых заказов: %1, обновлено: %5, строк: %2; новых клиентов: %3, новых товаров: %4.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="330"/>
        <source>%1 orders were already here, unchanged.</source>
        <translation>Заказов, которые уже были и не изменились: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="335"/>
        <source>%1 orders changed here and in the file kept Lavka&apos;s version.</source>
        <translation>Заказов, изменённых и здесь, и в файле, оставлено в версии Лавки: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="405"/>
        <source>Restoring…</source>
        <translation>Восстановление…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="29"/>
        <source>No purchases</source>
        <translation>Без покупок</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="30"/>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="31"/>
        <source>Regular</source>
        <translation>Постоянный</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32"/>
        <source>Woken</source>
        <translation>Проснувшийся</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33"/>
        <source>Recently asleep</source>
        <translation>Недавно уснувший</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34"/>
        <source>Long asleep</source>
        <translation>Давно уснувший</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>Enter a date.</source>
        <translation>Укажите дату.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39"/>
        <source>Date &apos;%1&apos; does not exist in the calendar.</source>
        <translation>Даты «%1» нет в календаре.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="40"/>
        <source>&apos;%1&apos; is not a date; write it as 13.09.2026 or 2026-09-13.</source>
        <translation>«%1» — не дата; напишите её как 13.09.2026 или 2026-09-13.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43"/>
        <source>Enter what is to be done.</source>
        <translation>Напишите, что нужно сделать.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="44"/>
        <source>The title is longer than %1 characters (%2).</source>
        <translation>Название длиннее %1 символов (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="47"/>
        <source>Enter the day the task is due.</source>
        <translation>Укажите срок задачи.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="48"/>
        <source>&apos;%1&apos; is not a time of day; write it as 14:30.</source>
        <translation>«%1» — не время; напишите его как 14:30.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51"/>
        <source>Contact #%1 does not exist.</source>
        <translation>Клиента №%1 нет.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="52"/>
        <source>Order No. %1 does not exist.</source>
        <translation>Заказа № %1 нет.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53"/>
        <source>Order No. %1 belongs to another contact.</source>
        <translation>Заказ № %1 — другого клиента.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="56"/>
        <source>Task #%1 does not exist (any more).</source>
        <translation>Задачи №%1 больше нет.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="57"/>
        <source>No contact has the phone %1.</source>
        <translation>Ни у одного клиента нет телефона %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>Contact #%1 does not exist (any more).</source>
        <translation>Клиента №%1 больше нет.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="59"/>
        <source>Order No. %1 does not exist (any more).</source>
        <translation>Заказа № %1 больше нет.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="60"/>
        <source>Only a follow-up marked done records an answer.</source>
        <translation>Ответ записывается, только когда звонок сделан.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="63"/>
        <source>Choose a day after today.</source>
        <translation>Выберите день позже сегодняшнего.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="64"/>
        <source>Write the note first.</source>
        <translation>Сначала напишите заметку.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="65"/>
        <source>The note is longer than %1 characters.</source>
        <translation>Заметка длиннее %1 символов.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>&apos;%1&apos; is not a whole number of days from 1 to %2.</source>
        <translation>«%1» — не целое число дней от 1 до %2.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="69"/>
        <source>&apos;%1&apos; is not a number like 1.5 (more than 0, at most %2).</source>
        <translation>«%1» — не число вроде 1,5 (больше 0, не больше %2).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="72"/>
        <source>The awake limit must be more than 1: past one cadence a customer is due to reorder, past this limit asleep.</source>
        <translation>Граница «уснул» должна быть больше 1: через одну периодичность клиенту пора повторить заказ, после этой границы он уснул.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="77"/>
        <source>The long-asleep limit (%1) must be more than the awake limit (%2).</source>
        <translation>Граница «давно уснул» (%1) должна быть больше границы «уснул» (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="114"/>
        <source>Line %1: %2</source>
        <translation>Строка %1: %2</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message numerus="yes">
        <location filename="../../ui/calendar/models.py" line="158"/>
        <source>%n shipment(s)</source>
        <translation>
            <numerusform>%n отгрузка</numerusform>
            <numerusform>%n отгрузки</numerusform>
            <numerusform>%n отгрузок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calendar/models.py" line="164"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n задача</numerusform>
            <numerusform>%n задачи</numerusform>
            <numerusform>%n задач</numerusform>
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
    <name>Operation</name>
    <message>
        <location filename="../../ui/operation.py" line="178"/>
        <source>Lavka</source>
        <translation>Лавка</translation>
    </message>
</context>
<context>
    <name>OrderEditor</name>
    <message>
        <location filename="../../ui/order_editor.py" line="99"/>
        <source>New order</source>
        <translation>Новый заказ</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="122"/>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="123"/>
        <source>Contact:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="124"/>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="125"/>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="129"/>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="142"/>
        <source>Add line</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="143"/>
        <source>Duplicate line</source>
        <translation>Дублировать строку</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="144"/>
        <source>Remove line</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="160"/>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="161"/>
        <source>Cost:</source>
        <translation>Себестоимость:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="162"/>
        <source>Profit:</source>
        <translation>Прибыль:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="163"/>
        <source>Margin:</source>
        <translation>Маржа:</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="179"/>
        <source>New task…</source>
        <translation>Новая задача…</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="187"/>
        <source>Shipments</source>
        <translation>Отгрузки</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="209"/>
        <source>Order No. %1</source>
        <translation>Заказ № %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="267"/>
        <location filename="../../ui/order_editor.py" line="348"/>
        <source>Fix the marked cells first.</source>
        <translation>Сначала исправьте отмеченные ячейки.</translation>
    </message>
</context>
<context>
    <name>OrdersTableModel</name>
    <message>
        <location filename="../../ui/orders_models.py" line="86"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="87"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="88"/>
        <source>Contact</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="89"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="90"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="91"/>
        <source>Lines</source>
        <translation>Строк</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="92"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="93"/>
        <source>Cost</source>
        <translation>Себестоимость</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="94"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="95"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
    <message>
        <location filename="../../ui/orders_models.py" line="131"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../ui/orders_view.py" line="67"/>
        <source>The status was not changed</source>
        <translation>Статус не изменён</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="98"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="99"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="100"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="101"/>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="102"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="103"/>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="104"/>
        <source>Custom…</source>
        <translation>Свой период…</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="116"/>
        <source>Name, phone, comment or №number…</source>
        <translation>Имя, телефон, комментарий или №номер…</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="120"/>
        <source>None</source>
        <translation>Без группировки</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="121"/>
        <source>Contact</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="122"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="123"/>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="128"/>
        <source>Show the orders of every contact</source>
        <translation>Показать заказы всех клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="137"/>
        <source>Group by:</source>
        <translation>Группировать:</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="159"/>
        <source>Set status</source>
        <translation>Сменить статус</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="160"/>
        <source>Open order</source>
        <translation>Открыть заказ</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="269"/>
        <source>%1 ✕</source>
        <translation>%1 ✕</translation>
    </message>
    <message>
        <location filename="../../ui/orders_view.py" line="304"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders_view.py" line="316"/>
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n группа</numerusform>
            <numerusform>%n группы</numerusform>
            <numerusform>%n групп</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders_view.py" line="318"/>
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
        <location filename="../../ui/products_view.py" line="212"/>
        <source>New product</source>
        <translation>Новый товар</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="212"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="214"/>
        <source>Offered in pickers</source>
        <translation>Предлагать при выборе</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="219"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="220"/>
        <source>SKU:</source>
        <translation>Артикул:</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="221"/>
        <source>Default price:</source>
        <translation>Цена по умолчанию:</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="222"/>
        <source>Default cost:</source>
        <translation>Закупочная цена:</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="223"/>
        <source>Active:</source>
        <translation>Активен:</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <location filename="../../ui/products_view.py" line="72"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="72"/>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="72"/>
        <source>Default price</source>
        <translation>Цена по умолчанию</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="72"/>
        <source>Default cost</source>
        <translation>Закупочная цена</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="73"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="73"/>
        <source>Units</source>
        <translation>Продано, шт.</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="73"/>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="73"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="74"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="97"/>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="144"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="144"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
</context>
<context>
    <name>ProductsView</name>
    <message>
        <location filename="../../ui/products_view.py" line="315"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="315"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="315"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="316"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="316"/>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="320"/>
        <location filename="../../ui/products_view.py" line="322"/>
        <source>New product</source>
        <translation>Новый товар</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="321"/>
        <location filename="../../ui/products_view.py" line="323"/>
        <source>Edit product</source>
        <translation>Изменить товар</translation>
    </message>
    <message>
        <location filename="../../ui/products_view.py" line="325"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../ui/operation.py" line="49"/>
        <source>Lavka</source>
        <translation>Лавка</translation>
    </message>
    <message>
        <location filename="../../ui/operation.py" line="64"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
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
        <location filename="../../ui/main_window.py" line="37"/>
        <source>Welcome to Lavka</source>
        <translation>Добро пожаловать в «Лавку»</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="39"/>
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
    <name>RemindersPage</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="128"/>
        <source>A customer&apos;s cadence is the median of the days between their purchases (the default cadence while they have bought once); r = days since the last purchase ÷ cadence. Past r = 1 they are due to reorder; past the awake limit they have fallen asleep; past the long-asleep limit they are long asleep.</source>
        <translation>Периодичность клиента — медиана дней между его покупками (пока покупка одна — периодичность по умолчанию); r = дней с последней покупки ÷ периодичность. После r = 1 клиенту пора повторить заказ; после границы «уснул» он уснул; после границы «давно уснул» — давно уснул.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="138"/>
        <source>Default cadence, days:</source>
        <translation>Периодичность по умолчанию, дней:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="139"/>
        <source>Awake limit (r):</source>
        <translation>Граница «уснул» (r):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="140"/>
        <source>Long-asleep limit (r):</source>
        <translation>Граница «давно уснул» (r):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="141"/>
        <source>Ask how it went, days after delivery:</source>
        <translation>Узнать, как всё прошло, через дней после доставки:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="149"/>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../ui/report_files.py" line="24"/>
        <source>Export report as PDF</source>
        <translation>Выгрузить отчёт в PDF</translation>
    </message>
    <message>
        <location filename="../../ui/report_files.py" line="25"/>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/report_files.py" line="27"/>
        <source>Export report as XLSX</source>
        <translation>Выгрузить отчёт в XLSX</translation>
    </message>
    <message>
        <location filename="../../ui/report_files.py" line="28"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="103"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="103"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="103"/>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="104"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="104"/>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="104"/>
        <source>Custom</source>
        <translation>Свой период</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="117"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="119"/>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="121"/>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="33"/>
        <location filename="../../ui/reports_view.py" line="126"/>
        <source>Figure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="47"/>
        <location filename="../../ui/reports_view.py" line="126"/>
        <source>This period</source>
        <translation>Этот период</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="40"/>
        <location filename="../../ui/reports_view.py" line="126"/>
        <source>Previous period</source>
        <translation>Прошлый период</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="30"/>
        <location filename="../../ui/reports_view.py" line="127"/>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="32"/>
        <location filename="../../ui/reports_view.py" line="130"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="39"/>
        <location filename="../../ui/reports_view.py" line="130"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="20"/>
        <location filename="../../ui/reports_view.py" line="130"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="16"/>
        <location filename="../../ui/reports_view.py" line="130"/>
        <location filename="../../ui/reports_view.py" line="136"/>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="18"/>
        <location filename="../../ui/reports_view.py" line="131"/>
        <location filename="../../ui/reports_view.py" line="136"/>
        <source>Profit</source>
        <translation>Прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="19"/>
        <location filename="../../ui/reports_view.py" line="131"/>
        <location filename="../../ui/reports_view.py" line="137"/>
        <source>Margin</source>
        <translation>Маржа</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="41"/>
        <location filename="../../ui/reports_view.py" line="136"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="22"/>
        <location filename="../../ui/reports_view.py" line="136"/>
        <source>Units</source>
        <translation>Продано, шт.</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="35"/>
        <source>Key figures</source>
        <translation>Основные показатели</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="49"/>
        <location filename="../../ui/reports_view.py" line="167"/>
        <source>Top customers by revenue</source>
        <translation>Лучшие клиенты по выручке</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="50"/>
        <location filename="../../ui/reports_view.py" line="169"/>
        <source>Top products by profit</source>
        <translation>Лучшие товары по прибыли</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="198"/>
        <source>Export PDF…</source>
        <translation>Выгрузить PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="199"/>
        <source>Export XLSX…</source>
        <translation>Выгрузить XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="240"/>
        <source>The period ends before it starts.</source>
        <translation>Период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="253"/>
        <source>Computing the report…</source>
        <translation>Расчёт отчёта…</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="314"/>
        <source>Lavka report %1</source>
        <translation>Отчёт Лавки %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="314"/>
        <source>Lavka report</source>
        <translation>Отчёт Лавки</translation>
    </message>
    <message>
        <location filename="../../ui/report_files.py" line="64"/>
        <source>Exporting to %1…</source>
        <translation>Выгрузка в %1…</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="17"/>
        <source>Cost</source>
        <translation>Себестоимость</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="21"/>
        <source>Lines</source>
        <translation>Строк</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="23"/>
        <source>Average check</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="24"/>
        <source>New customers</source>
        <translation>Новые клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="25"/>
        <source>Returning customers</source>
        <translation>Повторные клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="26"/>
        <source>Planned revenue</source>
        <translation>Плановая выручка</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="27"/>
        <source>Planned profit</source>
        <translation>Плановая прибыль</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="28"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="29"/>
        <source>By channel</source>
        <translation>По каналам</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="31"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="34"/>
        <source>Key counts</source>
        <translation>Основные количества</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="36"/>
        <source>No channel</source>
        <translation>Без канала</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="37"/>
        <source>Nothing sold in this period.</source>
        <translation>За этот период продаж нет.</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="38"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="42"/>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="43"/>
        <source>Profit by product</source>
        <translation>Прибыль по товарам</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="44"/>
        <source>Revenue by channel</source>
        <translation>Выручка по каналам</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="45"/>
        <source>Revenue and profit by week</source>
        <translation>Выручка и прибыль по неделям</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="46"/>
        <source>Revenue and profit by month</source>
        <translation>Выручка и прибыль по месяцам</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="48"/>
        <location filename="../../ui/reports_view.py" line="168"/>
        <source>Top customers by profit</source>
        <translation>Лучшие клиенты по прибыли</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="51"/>
        <location filename="../../ui/reports_view.py" line="175"/>
        <source>Customers by segment</source>
        <translation>Клиенты по сегментам</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="52"/>
        <location filename="../../ui/reports_view.py" line="171"/>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="53"/>
        <location filename="../../ui/reports_view.py" line="171"/>
        <source>At the start</source>
        <translation>В начале</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="54"/>
        <location filename="../../ui/reports_view.py" line="171"/>
        <source>At the end</source>
        <translation>В конце</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="55"/>
        <location filename="../../ui/reports_view.py" line="172"/>
        <source>Moved in</source>
        <translation>Пришли</translation>
    </message>
    <message>
        <location filename="../../ui/report_labels.py" line="56"/>
        <location filename="../../ui/reports_view.py" line="172"/>
        <source>Moved out</source>
        <translation>Ушли</translation>
    </message>
    <message>
        <location filename="../../ui/reports_view.py" line="354"/>
        <source>%1, compared with %2</source>
        <translation>%1, в сравнении с %2</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="297"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="299"/>
        <source>Order statuses</source>
        <translation>Статусы заказов</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="300"/>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="301"/>
        <source>Loss reasons</source>
        <translation>Причины отказа</translation>
    </message>
</context>
<context>
    <name>ShipmentsModel</name>
    <message>
        <location filename="../../ui/today/models.py" line="90"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="90"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="90"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="90"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="91"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="91"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="91"/>
        <source>Days late</source>
        <translation>Просрочено, дн.</translation>
    </message>
</context>
<context>
    <name>SnoozeUntil</name>
    <message>
        <location filename="../../ui/today/dialogs.py" line="34"/>
        <source>Snooze</source>
        <translation>Отложить</translation>
    </message>
    <message>
        <location filename="../../ui/today/dialogs.py" line="38"/>
        <source>Remind me about %1 again on:</source>
        <translation>Снова напомнить о клиенте %1:</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../ui/task_dialog.py" line="47"/>
        <source>Call back, send the invoice, …</source>
        <translation>Перезвонить, отправить счёт, …</translation>
    </message>
    <message>
        <location filename="../../ui/task_dialog.py" line="50"/>
        <source>any time, or 14:30</source>
        <translation>в любое время или 14:30</translation>
    </message>
    <message>
        <location filename="../../ui/task_dialog.py" line="54"/>
        <source>order number, if it is about one</source>
        <translation>номер заказа, если задача о нём</translation>
    </message>
    <message>
        <location filename="../../ui/task_dialog.py" line="58"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/task_dialog.py" line="61"/>
        <source>Task:</source>
        <translation>Задача:</translation>
    </message>
    <message>
        <location filename="../../ui/task_dialog.py" line="62"/>
        <source>Due:</source>
        <translation>Срок:</translation>
    </message>
    <message>
        <location filename="../../ui/task_dialog.py" line="63"/>
        <source>Time:</source>
        <translation>Время:</translation>
    </message>
    <message>
        <location filename="../../ui/task_dialog.py" line="64"/>
        <source>Contact:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <location filename="../../ui/task_dialog.py" line="65"/>
        <source>Order:</source>
        <translation>Заказ:</translation>
    </message>
    <message>
        <location filename="../../ui/task_dialog.py" line="66"/>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <location filename="../../ui/task_dialog.py" line="77"/>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <location filename="../../ui/task_dialog.py" line="88"/>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <location filename="../../ui/task_dialog.py" line="112"/>
        <source>An order number is a whole number, like 1042.</source>
        <translation>Номер заказа — целое число, например 1042.</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <location filename="../../ui/today/models.py" line="56"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="56"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="56"/>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="56"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/today/models.py" line="57"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
</context>
<context>
    <name>TodayCommand</name>
    <message>
        <location filename="../../ui/cli_today.py" line="30"/>
        <source>Today, %1: %n thing(s) due</source>
        <translation>Сегодня, %1: дел — %n</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="31"/>
        <source>Overdue tasks</source>
        <translation>Просроченные задачи</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="32"/>
        <source>Tasks for today</source>
        <translation>Задачи на сегодня</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="33"/>
        <source>Shipments: today&apos;s and overdue</source>
        <translation>Отгрузки: сегодня и просроченные</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="34"/>
        <source>Follow-ups: ask how it went</source>
        <translation>Узнать, как всё прошло</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="35"/>
        <source>Due to reorder</source>
        <translation>Пора повторить заказ</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="36"/>
        <source>Fell asleep recently</source>
        <translation>Недавно уснули</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="37"/>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="38"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="39"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="40"/>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="41"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="42"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="43"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="44"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="45"/>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="46"/>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="47"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="48"/>
        <source>Days late</source>
        <translation>Просрочено, дн.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="49"/>
        <source>Shipped</source>
        <translation>Отгружено</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="50"/>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="51"/>
        <source>Every, days</source>
        <translation>Раз в, дней</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="52"/>
        <source>Days since</source>
        <translation>Дней назад</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="53"/>
        <source>Usually buys</source>
        <translation>Обычно берёт</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="54"/>
        <source>Average check</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="55"/>
        <source>Purchases</source>
        <translation>Покупок</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="56"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="57"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="58"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="59"/>
        <source>Customers by segment on %1</source>
        <translation>Клиенты по сегментам на %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="60"/>
        <source>Task %1 added: %2, due %3.</source>
        <translation>Задача %1 добавлена: %2, срок %3.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="61"/>
        <source>Task %1 is done: %2.</source>
        <translation>Задача %1 выполнена: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/cli_today.py" line="62"/>
        <source>No open tasks.</source>
        <translation>Открытых задач нет.</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../ui/today/view.py" line="99"/>
        <source>New task…</source>
        <translation>Новая задача…</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="118"/>
        <source>Mark the order shipped</source>
        <translation>Заказ отгружен</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="123"/>
        <source>Done…</source>
        <translation>Сделано…</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="123"/>
        <source>Dismiss</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="142"/>
        <source>Call…</source>
        <translation>Позвонить…</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="143"/>
        <source>Snooze</source>
        <translation>Отложить</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="144"/>
        <source>Not interested</source>
        <translation>Не интересно</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="149"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="150"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="151"/>
        <source>Tomorrow</source>
        <translation>На завтра</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="187"/>
        <source>Nothing here today.</source>
        <translation>Сегодня здесь пусто.</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="199"/>
        <source>For 3 days</source>
        <translation>На 3 дня</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="200"/>
        <source>For a week</source>
        <translation>На неделю</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="201"/>
        <source>Until…</source>
        <translation>До даты…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/view.py" line="242"/>
        <source>%n thing(s) due today.</source>
        <translation>
            <numerusform>На сегодня %n дело.</numerusform>
            <numerusform>На сегодня %n дела.</numerusform>
            <numerusform>На сегодня %n дел.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="244"/>
        <source>Nothing is due today.</source>
        <translation>На сегодня дел нет.</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="326"/>
        <source>Call %1</source>
        <translation>Позвонить: %1</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="379"/>
        <source>Today, %1</source>
        <translation>Сегодня, %1</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="383"/>
        <source>Overdue tasks</source>
        <translation>Просроченные задачи</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="384"/>
        <source>Tasks for today</source>
        <translation>Задачи на сегодня</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="385"/>
        <source>To ship: today&apos;s and overdue</source>
        <translation>Отгрузить: сегодня и просроченные</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="386"/>
        <source>Ask how it went</source>
        <translation>Узнать, как всё прошло</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="387"/>
        <source>Due to reorder</source>
        <translation>Пора повторить заказ</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="388"/>
        <source>Fell asleep recently</source>
        <translation>Недавно уснули</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="392"/>
        <source>(the first %1 shown)</source>
        <translation>(показаны первые %1)</translation>
    </message>
</context>
</TS>
