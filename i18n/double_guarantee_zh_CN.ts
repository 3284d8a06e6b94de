<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
    <context>
        <name>DoubleGuarantee</name>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_common.py" line="34" />
            <source>  {} {}: {:,.0f} yuan/mu, about {:,.0f} yuan{}</source>
            <translation>  {} {}：{:,.0f} 元/亩，约 {:,.0f} 元{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="27" />
            <source> (poor county, priority)</source>
            <translation>（贫困县，优先）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt_export.py" line="91" />
            <source> (with the field-name line 【…,@】)</source>
            <translation>（含字段名行【…,@】）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/operation_rules.py" line="88" />
            <source> and </source>
            <translation>和</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/labels.py" line="33" />
            <source> and {} more</source>
            <translation> 等，另有 {} 个</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/sheet_text.py" line="52" />
            <source> and {} more plots</source>
            <translation>等，另有 {} 个地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_common.py" line="51" />
            <source> kg</source>
            <translation> 公斤</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="62" />
            <source> mu</source>
            <translation> 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="173" />
            <source> selected</source>
            <translation>（选中）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/__init__.py" line="43" />
            <source>'{}' is neither a GeoPackage file nor a QGIS PostgreSQL connection (known connections: {})</source>
            <translation>“{}”既不是 GeoPackage 文件，也不是 QGIS PostgreSQL 连接（已有连接：{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="55" />
            <source>(empty)</source>
            <translation>（空）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/acceptance.py" line="78" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/merge.py" line="66" />
            <source>(the whole project)</source>
            <translation>（整个项目）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="276" />
            <source>, no county of the province can sell</source>
            <translation>，省内没有县能够调出</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="118" />
            <source>, of which {:,.4f} mu inside permanent basic farmland at {:g}×</source>
            <translation>，其中永久基本农田 {:,.4f} 亩按 {:g} 倍计</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="273" />
            <source>, sellers in the province (cheapest first): {}</source>
            <translation>，省内可调出的县（价格由低到高）：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="237" />
            <source>10,000 kg</source>
            <translation>万公斤</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="655" />
            <source>12 fields and no field-name line: read as the 12-field 补充耕地 layout (坐标点个数 … 耕地质量等级)</source>
            <translation>12 个字段且无字段名行：按 12 字段补充耕地格式读取（坐标点个数 … 耕地质量等级）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/report.py" line="69" />
            <source>; hash chain whole up to entry {} (SHA-256 {})</source>
            <translation>；哈希链完整，直至流水 {}（SHA-256 {}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="122" />
            <source>; no rate for parcels {}</source>
            <translation>；图斑 {} 无适用费率</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="222" />
            <source>&lt;b&gt;{} {}&lt;/b&gt; · county {} · implemented on {}</source>
            <translation>&lt;b&gt;{} {}&lt;/b&gt; · 县级行政区 {} · 实施日期 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="71" />
            <source>A GeoPackage ledger file, or the name of a QGIS PostgreSQL connection</source>
            <translation>GeoPackage 储备库文件，或 QGIS PostgreSQL 连接名称</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/change_survey_panel.py" line="65" />
            <source>A deposited credit becomes usable once a survey of the acceptance year or later ({} ≥ acceptance year) shows at least {:.0f}% of each plot as cultivated land ({}). Rule of profile {} (unconfirmed, a province may change it).</source>
            <translation>入库指标须经验收当年或以后年度的变更调查（{} ≥ 验收年份）显示每个地块至少 {:.0f}% 为耕地（{}）后方可使用。此为规则配置 {} 的规定（未经证实，省级可调整）。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="28" />
            <source>A3 landscape</source>
            <translation>A3 横向</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="28" />
            <source>A3 portrait</source>
            <translation>A3 纵向</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="27" />
            <source>A4 landscape</source>
            <translation>A4 横向</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="27" />
            <source>A4 portrait</source>
            <translation>A4 纵向</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_transfer.py" line="93" />
            <source>Above the province's capped price of {:,.0f} yuan/mu</source>
            <translation>超过本省限价 {:,.0f} 元/亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="320" />
            <source>Accept and deposit</source>
            <translation>验收并入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="311" />
            <source>Accept project {} and deposit its credits</source>
            <translation>验收项目 {} 并将指标入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="104" />
            <source>Accept the project and deposit its credits into the reserve, after checks (a project under the 2024 rules: its workflow, whose 入库 step is the acceptance)</source>
            <translation>检查通过后验收项目，并将其指标存入储备库（执行 2024 年规则的项目：打开其流程，“入库”一步即验收）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="295" />
            <source>Accepting unit, {}</source>
            <translation>验收单位（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="104" />
            <source>Accept…</source>
            <translation>验收…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="158" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="104" />
            <source>Add a project (its form opens)</source>
            <translation>新建项目（打开项目表单）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_common.py" line="92" />
            <source>After</source>
            <translation>之后</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="245" />
            <source>Aftercare (后期管护) until {}</source>
            <translation>后期管护至 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="183" />
            <source>Aftercare until (后期管护)</source>
            <translation>后期管护截止</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="164" />
            <source>All entries</source>
            <translation>全部流水</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_list.py" line="51" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="179" />
            <source>All {} plots were computed; none refused.</source>
            <translation>全部 {} 个地块已计算，无不予计算的地块。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="204" />
            <source>Already applied as entry {} (same idempotency key)</source>
            <translation>已执行过（流水 {}，相同幂等键）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="73" />
            <source>Also one combined PDF of all projects</source>
            <translation>另输出全部项目合并的 PDF</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="115" />
            <source>Applied now (false: applied before)</source>
            <translation>本次执行（否：之前已执行）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="304" />
            <source>Applied {} field edits, {} deletions, {} new plots; {} review records, {} photos, {} field points added; {} conflicts to decide.</source>
            <translation>已应用外业修改 {} 处、删除 {} 处、新增地块 {} 个；新增核查记录 {} 条、照片 {} 张、核查点 {} 个；待决定冲突 {} 处。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/headline.py" line="40" />
            <source>Area</source>
            <translation>面积</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="29" />
            <source>Area (ha)</source>
            <translation>面积（公顷）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_list.py" line="61" />
            <source>Area (mu)</source>
            <translation>面积（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="136" />
            <source>Area (耕地数量)</source>
            <translation>耕地数量</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="110" />
            <source>Area balance after (mu)</source>
            <translation>核销后耕地数量余额（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/headline.py" line="40" />
            <source>Area credit</source>
            <translation>耕地数量指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="30" />
            <source>Area credit (ha)</source>
            <translation>耕地数量指标（公顷）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_list.py" line="61" />
            <source>Area credit (mu)</source>
            <translation>耕地数量指标（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="69" />
            <source>Area reserve (ha)</source>
            <translation>耕地数量储备（公顷）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="69" />
            <source>Area reserve (mu)</source>
            <translation>耕地数量储备（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="126" />
            <source>Atlas…</source>
            <translation>图集…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="476" />
            <source>Attach photos</source>
            <translation>添加照片</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="188" />
            <source>Attach photos…</source>
            <translation>添加照片…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="42" />
            <source>Balance (mu)</source>
            <translation>差额（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/province_year_page.py" line="112" />
            <source>Balanced: the net increase of {} ({:,.4f} mu) covers the occupation of {} ({:,.4f} mu); {:,.4f} mu to spare</source>
            <translation>平衡：{} 年净增加（{:,.4f} 亩）足以抵补 {} 年占用（{:,.4f} 亩），余 {:,.4f} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="133" />
            <source>Balances</source>
            <translation>余额</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="50" />
            <source>Balances equal the sum of the journal</source>
            <translation>余额等于流水之和</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="104" />
            <source>Basemap</source>
            <translation>底图</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="71" />
            <source>Basemap layer</source>
            <translation>底图图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/plugin.py" line="42" />
            <source>Basemap…</source>
            <translation>底图…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="62" />
            <source>Basic farmland</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="194" />
            <source>Basic farmland (mu)</source>
            <translation>永久基本农田（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="94" />
            <source>Basic farmland (optional: exclusions)</source>
            <translation>永久基本农田（可选：扣除重叠）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_common.py" line="91" />
            <source>Before</source>
            <translation>之前</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_transfer.py" line="40" />
            <source>Bidding</source>
            <translation>竞价</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="58" />
            <source>Blocking</source>
            <translation>阻断</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/bring_back.py" line="21" />
            <source>Bring back an offline package</source>
            <translation>带回合并离线数据包</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="128" />
            <source>Bring back…</source>
            <translation>带回合并…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="42" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_transfer.py" line="60" />
            <source>Buyer's reserve (county {})</source>
            <translation>调入县储备（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/operation_rules.py" line="34" />
            <source>By the date</source>
            <translation>按日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/sheet_text.py" line="72" />
            <source>CGCS2000 geographic coordinates</source>
            <translation>CGCS2000 地理坐标系</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="536" />
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/writeoff_calculator.py" line="56" />
            <source>Calculate</source>
            <translation>计算</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="47" />
            <source>Cancelled; nothing was written.</source>
            <translation>已取消，未写入任何数据。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_common.py" line="108" />
            <source>Cannot be covered: short by {}</source>
            <translation>无法满足：缺少 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/province_year_balance.py" line="89" />
            <source>Cannot open the ledger {}: {}</source>
            <translation>无法打开储备库 {}：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/headline.py" line="40" />
            <source>Capacity</source>
            <translation>产能指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="185" />
            <source>Capacity (kg)</source>
            <translation>粮食产能（公斤）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="110" />
            <source>Capacity balance after (kg)</source>
            <translation>核销后粮食产能余额（公斤）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/headline.py" line="40" />
            <source>Capacity credit</source>
            <translation>粮食产能指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="32" />
            <source>Capacity credit (10,000 kg)</source>
            <translation>粮食产能指标（万公斤）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_list.py" line="61" />
            <source>Capacity credit (kg)</source>
            <translation>粮食产能指标（公斤）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="70" />
            <source>Capacity reserve (10,000 kg)</source>
            <translation>粮食产能储备（万公斤）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="69" />
            <source>Capacity reserve (kg)</source>
            <translation>粮食产能储备（公斤）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_transfer.py" line="39" />
            <source>Capped price (key project)</source>
            <translation>限价（重点项目）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="147" />
            <source>Change</source>
            <translation>变化</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="144" />
            <source>Change profile</source>
            <translation>更改规则配置</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/change_survey_panel.py" line="30" />
            <source>Change-survey confirmation (变更调查核实)</source>
            <translation>变更调查核实</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="239" />
            <source>Changed both in the office and in the field, or waiting for the office</source>
            <translation>内外业均有修改或等待内业决定的内容</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_list.py" line="61" />
            <source>Check</source>
            <translation>检查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/change_survey_panel.py" line="45" />
            <source>Check and record</source>
            <translation>核实并记录</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="174" />
            <source>Check now</source>
            <translation>立即检查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/check_constraints.py" line="39" />
            <source>Check plots against constraint layers</source>
            <translation>地块约束图层检查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="155" />
            <source>Check: not checked. The figures below are before constraint exclusions and are not verified.</source>
            <translation>检查：未检查。以下数字未扣除约束冲突面积，未经核验。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="159" />
            <source>Check: {}</source>
            <translation>检查：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/change_survey_panel.py" line="52" />
            <source>Checked</source>
            <translation>核实时间与人员</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/check_constraints.py" line="82" />
            <source>Checked plots</source>
            <translation>检查后的地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="197" />
            <source>Checking constraints before computing credits</source>
            <translation>计算指标前先进行约束检查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="518" />
            <source>Checking plots against the constraint layers</source>
            <translation>正在检查地块与约束图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/check_constraints.py" line="42" />
            <source>Checks every plot against basic farmland, the ecological red line, slope (a polygon layer with a slope field, or a DEM raster), an optional land-survey layer and other layers. Overlaps are ellipsoidal areas on CGCS2000, overlapping constraint features counted once. check_status is ok, warning, blocking or not_checked (a constraint layer that is empty or has no CRS is never reported as ok). New-farmland overlap with basic farmland goes to excluded_m2. The dialog starts with the standard layers recognised in the project by their field codes (DLTB, YJJBNTTB, STBHHX, CZKFBJ); messages name conflicting features by their standard ids. Without a slope layer, 耕地坡度级别 (GDPDJB) of the plot or the survey checks new farmland; unstable farmland (TBXHDM, WDGD) is a warning.</source>
            <translation>逐地块检查与永久基本农田、生态保护红线、坡度（带坡度字段的面图层或 DEM 栅格）、可选的国土调查图层及其他图层的关系。重叠面积为 CGCS2000 椭球面积，约束图层内相互重叠的要素只计一次。check_status 为 ok、warning、blocking 或 not_checked（为空或无坐标系的约束图层绝不报告为 ok）。新增耕地与基本农田重叠的面积计入 excluded_m2。对话框打开时已按标准字段代码填入工程中识别出的图层（DLTB、YJJBNTTB、STBHHX、CZKFBJ）；消息以标准编号指明冲突要素。未给坡度图层时，用地块或国土调查的耕地坡度级别（GDPDJB）检查新增耕地；不稳定耕地（TBXHDM、WDGD）给出警告。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="309" />
            <source>Choose a ledger file or a PostgreSQL connection</source>
            <translation>请选择储备库文件或 PostgreSQL 连接</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/plot_editing.py" line="186" />
            <source>Choose a polygon layer</source>
            <translation>请选择面图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="180" />
            <source>Choose a project before importing coordinate files</source>
            <translation>请先选择项目，再导入坐标文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="457" />
            <source>Choose a verdict: passed, returned or to verify.</source>
            <translation>请选择核查结论：通过、退回或待核。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="219" />
            <source>Choose at least one project</source>
            <translation>请至少选择一个项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="221" />
            <source>Choose one file per project, one combined PDF, or both</source>
            <translation>请选择“每个项目一个文件”或“合并为一个 PDF”（或两者）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="168" />
            <source>Choose where to write the offline package.</source>
            <translation>请选择离线数据包的保存位置。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="138" />
            <source>Chosen from the implementation date</source>
            <translation>按实施日期自动选择</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/writeoff_calculator.py" line="62" />
            <source>Class</source>
            <translation>地类</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/plot_editing.py" line="40" />
            <source>Class after</source>
            <translation>实施后地类</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/plot_editing.py" line="39" />
            <source>Class before</source>
            <translation>实施前地类</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="55" />
            <source>Class before (耕地)</source>
            <translation>变化前地类（耕地）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="77" />
            <source>Class of the occupied land</source>
            <translation>占用耕地地类</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="69" />
            <source>Classifies each plot as new farmland, upgrading or not creditable and computes its area, grain-capacity and paddy credits from its ellipsoidal area on CGCS2000 and the rule profile's yield table. Plots with bad input get a reason and zero credit. grade_system_used names the grade system each plot was credited under and grade_system_source whether the plot stated it (plot) or the profile's default applied (profile_default). PROJECT_OUTPUT has one row per project code with the sums and the area-weighted grade uplift. Credits are on the net area: the gross area less 田坎 (tiankan_m2; KCXS of the plot, of the land-survey parcels under a plot that was cultivated land, or of the rule profile's county table by 耕地类型 × 耕地坡度级别 for new land). An empty grade before of a cultivated plot defaults to the area-weighted grade of the survey or basic-farmland parcels under it (grade_before_source). The dialog starts with the constraint layers recognised in the project.</source>
            <translation>将每个地块分为新增耕地、提质改造或不计指标，并按 CGCS2000 椭球面积和规则配置的产量表计算耕地数量、粮食产能和水田指标。输入有误的地块给出原因、指标记为零。grade_system_used 为地块计算指标所用的等别体系，grade_system_source 说明是地块自填（plot）还是规则配置的默认体系（profile_default）。PROJECT_OUTPUT 每个项目编号一行，含合计与按面积加权的等别提升。指标按净面积计算：毛面积扣除田坎（tiankan_m2；扣除系数 KCXS 取地块自身的、原为耕地地块下国土调查图斑的，或新增耕地按规则配置的县级表以耕地类型 × 耕地坡度级别查得）。原为耕地的地块实施前等别为空时，取其下国土调查或永久基本农田图斑按面积加权的等别（grade_before_source 记录来源）。对话框打开时已填入工程中识别出的约束图层。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/take_offline.py" line="34" />
            <source>Clip margin (m)</source>
            <translation>裁切缓冲距离（米）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="112" />
            <source>Clip margin around the projects</source>
            <translation>项目周边裁切缓冲距离</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/take_offline.py" line="41" />
            <source>Clipped features: {}</source>
            <translation>裁切要素数：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="247" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/dock_help.py" line="45" />
            <source>Close the panel (its toolbar button opens it again)</source>
            <translation>关闭面板（可用工具栏按钮重新打开）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_list.py" line="61" />
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt_export.py" line="89" />
            <source>Columns: {}</source>
            <translation>字段：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="173" />
            <source>Comment</source>
            <translation>意见</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_commitment.py" line="40" />
            <source>Commitment date</source>
            <translation>承诺日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_commitment.py" line="28" />
            <source>Commitment in county {} {}</source>
            <translation>{} {} 承诺</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_commitment.py" line="84" />
            <source>Commitment refused: {}</source>
            <translation>承诺被拒绝：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="41" />
            <source>Commitment 承诺</source>
            <translation>承诺</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="151" />
            <source>Commitment…</source>
            <translation>承诺…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="141" />
            <source>Compare</source>
            <translation>比对</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="65" />
            <source>Compare two annual survey layers (DLBM, SJNF): 耕地 in the older one that the newer one shows as other farmland</source>
            <translation>比对两期年度调查图层（DLBM、SJNF）：前期为耕地、后期为其他农用地的图斑</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="63" />
            <source>Compute capacity and paddy from class and grade</source>
            <translation>按地类和等别计算产能与水田</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="66" />
            <source>Compute supplementary-farmland credits</source>
            <translation>计算补充耕地指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/change_survey_panel.py" line="52" />
            <source>Confirmed</source>
            <translation>已核实</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="43" />
            <source>Confirmed 变更调查确认</source>
            <translation>变更调查确认</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="118" />
            <source>Conflict</source>
            <translation>冲突</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/bring_back.py" line="51" />
            <source>Conflict on plot {} ({}): both versions kept, choose one in the review dock</source>
            <translation>地块 {}（{}）存在冲突：两个版本均已保留，请在核查面板中选择</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="577" />
            <source>Conflicts</source>
            <translation>冲突</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="577" />
            <source>Conflicts ({})</source>
            <translation>冲突（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="314" />
            <source>Constraint check: not checked. Accepting deposits figures that were not checked against the constraint layers.</source>
            <translation>约束检查：未检查。验收将存入未经约束图层核查的指标。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="312" />
            <source>Constraint check: {}</source>
            <translation>约束检查：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="714" />
            <source>Constraint checks</source>
            <translation>约束核查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="467" />
            <source>Constraint layer</source>
            <translation>约束图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/take_offline.py" line="32" />
            <source>Constraint layer: {}</source>
            <translation>约束图层：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="422" />
            <source>Constraint set (*.json)</source>
            <translation>约束图层集 (*.json)</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/writeoff_calculator.py" line="50" />
            <source>Construction footprint</source>
            <translation>建设项目用地范围</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="95" />
            <source>Construction footprint (calculates the amounts)</source>
            <translation>建设项目用地范围（自动计算三项指标）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="70" />
            <source>Construction project code</source>
            <translation>建设项目编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="71" />
            <source>Construction project name</source>
            <translation>建设项目名称</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/rules.py" line="145" />
            <source>Construction-land reclamation is {:.1f}% of the scale (at least {:.0f}%): the project qualifies for the village layout adjustment policy</source>
            <translation>建设用地复垦占项目规模 {:.1f}%（不低于 {:.0f}%）：可享受村庄布局调整政策</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/rules.py" line="148" />
            <source>Construction-land reclamation is {:.1f}% of the scale, below {:.0f}%: the village layout adjustment policy does not apply</source>
            <translation>建设用地复垦占项目规模 {:.1f}%，低于 {:.0f}%：不适用村庄布局调整政策</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/overview.py" line="123" />
            <source>Converted</source>
            <translation>换算</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="308" />
            <source>Coordinate TXT</source>
            <translation>坐标 TXT</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="108" />
            <source>Coordinate TXT file (or folder)</source>
            <translation>坐标 TXT 文件（或文件夹）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="35" />
            <source>Coordinate TXT files</source>
            <translation>坐标 TXT 文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/base.py" line="13" />
            <source>Coordinate files</source>
            <translation>坐标文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="175" />
            <source>Coordinate system (CGCS2000 only)</source>
            <translation>坐标系（仅限 CGCS2000）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/sheet_text.py" line="63" />
            <source>Coordinate system: {} ({}). Areas are ellipsoidal on CGCS2000; 1 mu = 2000/3 square metres.</source>
            <translation>坐标系：{}（{}）。面积为 CGCS2000 椭球面积；1 亩 = 2000/3 平方米。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/plot_editing.py" line="43" />
            <source>Copy the codes into</source>
            <translation>编码写入</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="82" />
            <source>Could not write the parcels of {}</source>
            <translation>无法写出 {} 的地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="27" />
            <source>Counties of the province that could sell (cheapest first): {}</source>
            <translation>本省可调出的县（价格从低到高）：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_common.py" line="34" />
            <source>Counties of the province that could sell, cheapest first:</source>
            <translation>本省可调出的县（价格从低到高）：</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="48" />
            <source>Counties with a balance</source>
            <translation>有余额的县</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_list.py" line="61" />
            <source>County</source>
            <translation>县级行政区</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="185" />
            <source>County / counterparty</source>
            <translation>县 / 对方县</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/overview.py" line="103" />
            <source>County boundary</source>
            <translation>县界</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="69" />
            <source>County code</source>
            <translation>县级行政区代码</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="42" />
            <source>County code (empty: all counties)</source>
            <translation>县级行政区代码（空：全部县）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/overview.py" line="121" />
            <source>County total</source>
            <translation>全县合计</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/overview.py" line="122" />
            <source>County totals</source>
            <translation>全县合计</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="457" />
            <source>County {}</source>
            <translation>县级行政区 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="25" />
            <source>County {} cannot cover this: {}.</source>
            <translation>{} 储备不足：{}。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="298" />
            <source>Create a ledger</source>
            <translation>新建指标储备库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="79" />
            <source>Create a new ledger file</source>
            <translation>新建指标储备库文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="163" />
            <source>Create a new project database in this schema</source>
            <translation>在此模式（schema）中新建项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="97" />
            <source>Create it</source>
            <translation>创建</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="132" />
            <source>Credits</source>
            <translation>补充耕地指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/base.py" line="13" />
            <source>Credits and checks</source>
            <translation>指标与检查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/headline.py" line="73" />
            <source>Credits could not be computed: {}</source>
            <translation>无法计算指标：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/live_runner.py" line="101" />
            <source>Credits of all projects</source>
            <translation>全部项目的指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/live_runner.py" line="96" />
            <source>Credits of {}</source>
            <translation>{} 的指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="157" />
            <source>Credits of {} (NOT CHECKED against constraints)</source>
            <translation>{} 的指标（未经约束检查）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="160" />
            <source>Credits of {} (after constraint exclusions)</source>
            <translation>{} 的指标（已扣除约束冲突）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="188" />
            <source>Credits waiting for their change-survey confirmation cannot be written off yet: short by {}</source>
            <translation>待变更调查确认的指标暂不能核销：缺 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="110" />
            <source>Cultivation fee due (yuan)</source>
            <translation>应缴耕地开垦费（元）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="116" />
            <source>Cultivation fee due (耕地开垦费): {:,.0f} yuan for {:,.4f} mu</source>
            <translation>应缴耕地开垦费：{:,.0f} 元（{:,.4f} 亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="161" />
            <source>Cultivation fee due (耕地开垦费): {:,.0f} yuan/mu × {:,.4f} mu + {:,.0f} yuan/mu × {:g} (permanent basic farmland) × {:,.4f} mu = {:,.0f} yuan</source>
            <translation>应缴耕地开垦费：{:,.0f} 元/亩 × {:,.4f} 亩 + {:,.0f} 元/亩 × {:g}（永久基本农田）× {:,.4f} 亩 = {:,.0f} 元</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="165" />
            <source>Cultivation fee due (耕地开垦费): {:,.0f} yuan/mu × {:,.4f} mu = {:,.0f} yuan</source>
            <translation>应缴耕地开垦费：{:,.0f} 元/亩 × {:,.4f} 亩 = {:,.0f} 元</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="115" />
            <source>Cultivation fee: no rate for the occupied land in the profile's fee table</source>
            <translation>耕地开垦费：规则配置的开垦费标准中没有所占土地的费率</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="158" />
            <source>Cultivation fee: the fee table '{}' has no rate for {} grade {}</source>
            <translation>耕地开垦费：费率表“{}”没有 {} {} 等的标准</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="142" />
            <source>Current verdict</source>
            <translation>当前结论</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="69" />
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="97" />
            <source>Database user</source>
            <translation>数据库用户</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/database.py" line="85" />
            <source>Database: PostGIS {} / {}</source>
            <translation>数据库：PostGIS {} / {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/database.py" line="71" />
            <source>Database: {}</source>
            <translation>数据库：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="185" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="54" />
            <source>Date of the change</source>
            <translation>变化日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/overview.py" line="135" />
            <source>Date: {}</source>
            <translation>制图日期：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="118" />
            <source>Decision</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="103" />
            <source>Default grade for parcels without GDDB/GDDJ</source>
            <translation>无 GDDB/GDDJ 的图斑采用的默认等别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="100" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="116" />
            <source>Delete plots</source>
            <translation>删除地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_actions.py" line="79" />
            <source>Delete project</source>
            <translation>删除项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_actions.py" line="79" />
            <source>Delete project {} and all its plots? You can undo this until you save.</source>
            <translation>删除项目 {} 及其全部地块？保存前可以撤销。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="116" />
            <source>Delete the selected plots</source>
            <translation>删除选中的地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="115" />
            <source>Deposit</source>
            <translation>入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="80" />
            <source>Deposit project {} into the reserve</source>
            <translation>项目 {} 入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="40" />
            <source>Deposit 入库</source>
            <translation>入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="174" />
            <source>Deposited (占补平衡): {}
进出平衡 (进): {}</source>
            <translation>入库（占补平衡）：{}
进出平衡（进）：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/dock_help.py" line="41" />
            <source>Detach the panel from the window, or dock it again</source>
            <translation>使面板脱离主窗口浮动，或重新停靠</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="97" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="73" />
            <source>Discard</source>
            <translation>放弃</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="73" />
            <source>Discard all unsaved edits</source>
            <translation>放弃全部未保存的编辑</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="221" />
            <source>Discard all unsaved edits of the project database?</source>
            <translation>放弃项目数据库的全部未保存编辑？</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="199" />
            <source>Distance (m)</source>
            <translation>距离（米）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/provider.py" line="40" />
            <source>Double Guarantee</source>
            <translation>双保</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/plugin.py" line="98" />
            <source>Double Guarantee user manual</source>
            <translation>双保 用户手册</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/dock_look.py" line="17" />
            <source>Double Guarantee · Constraint checks</source>
            <translation>双保 · 约束检查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/dock_look.py" line="19" />
            <source>Double Guarantee · Field review</source>
            <translation>双保 · 外业核查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/dock_look.py" line="16" />
            <source>Double Guarantee · Projects</source>
            <translation>双保 · 项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/dock_look.py" line="18" />
            <source>Double Guarantee · Reserve ledger</source>
            <translation>双保 · 指标储备库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/provider.py" line="43" />
            <source>Double Guarantee: supplementary farmland and reserves</source>
            <translation>双保：补充耕地与指标储备</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="116" />
            <source>Draw</source>
            <translation>绘制</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="116" />
            <source>Draw a line across plots to split them</source>
            <translation>画一条穿过地块的线以分割地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="116" />
            <source>Draw a line to reshape a plot</source>
            <translation>画线修改地块形状</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="116" />
            <source>Draw a plot with QGIS's capture tool</source>
            <translation>用 QGIS 数字化工具绘制地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="42" />
            <source>Draw it under the plots of the meeting sheets</source>
            <translation>在会审图件的地块下方绘制底图</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="98" />
            <source>Draw plot</source>
            <translation>绘制地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="113" />
            <source>Draw plot {}</source>
            <translation>绘制地块 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/drawing_preview.py" line="68" />
            <source>Drawing a plot of {}: {:,.2f} mu (the credits follow the land classes of the form)</source>
            <translation>正在绘制 {} 的地块：{:,.2f} 亩（指标待表单填写地类后计算）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/drawing_preview.py" line="76" />
            <source>Drawing a plot of {}: {:,.2f} mu; it would bring {:,.2f} mu area credit, {:,.0f} kg capacity credit, {:,.2f} mu paddy credit (as the last plot, before constraint exclusions)</source>
            <translation>正在绘制 {} 的地块：{:,.2f} 亩；预计新增耕地数量指标 {:,.2f} 亩、粮食产能指标 {:,.0f} 公斤、水田指标 {:,.2f} 亩（按上一地块属性，未扣除约束）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_commitment.py" line="41" />
            <source>Due date</source>
            <translation>到期日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="64" />
            <source>Ecological red line</source>
            <translation>生态保护红线</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="94" />
            <source>Ecological red line (optional: blocking)</source>
            <translation>生态保护红线（可选：阻断）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="206" />
            <source>Enter your name: the choice is recorded with it.</source>
            <translation>请输入姓名：选择将与姓名一同记录。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="110" />
            <source>Enter your own 天地图 key first; nothing was requested</source>
            <translation>请先输入您自己的天地图密钥；未发出任何请求</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="185" />
            <source>Entry</source>
            <translation>流水号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="527" />
            <source>Entry {} cannot be reversed: {}</source>
            <translation>流水 {} 不能冲正：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="529" />
            <source>Entry {} reversed by entry {}</source>
            <translation>流水 {} 已由流水 {} 冲正</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="42" />
            <source>Exempt (mu)</source>
            <translation>不计入（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="73" />
            <source>Exempt out (mu)</source>
            <translation>不计入的流出（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="147" />
            <source>Exemption</source>
            <translation>不计入理由</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="171" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="126" />
            <source>Export TXT…</source>
            <translation>导出 TXT…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="347" />
            <source>Export cancelled: {}</source>
            <translation>已取消导出：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt_export.py" line="101" />
            <source>Export coordinate TXT</source>
            <translation>导出坐标 TXT</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt_export.py" line="26" />
            <source>Export coordinate TXT ({})</source>
            <translation>导出坐标 TXT（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="68" />
            <source>Export coordinate TXT (部标准格式)</source>
            <translation>导出坐标 TXT（部标准格式）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="126" />
            <source>Export map…</source>
            <translation>导出图件…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="38" />
            <source>Export meeting maps</source>
            <translation>导出会审图件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="59" />
            <source>Export project map</source>
            <translation>导出项目图</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="177" />
            <source>Export set…</source>
            <translation>导出图层集…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="413" />
            <source>Export the constraint set</source>
            <translation>导出约束图层集</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="536" />
            <source>Export the ledger</source>
            <translation>导出储备库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="126" />
            <source>Export the maps of many projects as a cancellable background task</source>
            <translation>在可取消的后台任务中批量导出多个项目的图件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="126" />
            <source>Export the project as a Ministry-format coordinate file</source>
            <translation>将项目导出为部标准格式坐标文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="126" />
            <source>Export the project map</source>
            <translation>导出项目图件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="120" />
            <source>Exported by</source>
            <translation>导出人</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="546" />
            <source>Exported {} rows to {}</source>
            <translation>已导出 {} 行到 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="117" />
            <source>Exporting {} meeting maps</source>
            <translation>正在导出 {} 幅会审图件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="88" />
            <source>Extra attribute fields a province asks for</source>
            <translation>省级要求的附加属性字段</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="140" />
            <source>FOOTPRINT needs SURVEY, the land survey (DLTB) under it</source>
            <translation>FOOTPRINT 需要同时给出 SURVEY（其下的国土调查图斑 DLTB）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="42" />
            <source>Farmland in 进出平衡·进</source>
            <translation>进出平衡·进</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="42" />
            <source>Farmland out 进出平衡·出</source>
            <translation>进出平衡·出</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/writeoff_calculator.py" line="62" />
            <source>Fee (yuan)</source>
            <translation>开垦费（元）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="86" />
            <source>Field for {}</source>
            <translation>{} 对应字段</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="533" />
            <source>Field points</source>
            <translation>外业核查点</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/base.py" line="15" />
            <source>Field review</source>
            <translation>外业核查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="118" />
            <source>Field version</source>
            <translation>外业版本</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/plot_editing.py" line="42" />
            <source>Field with land-class codes</source>
            <translation>地类编码字段</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="88" />
            <source>Field: {}</source>
            <translation>字段：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="199" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="83" />
            <source>Files written (separated by ;)</source>
            <translation>已输出文件（以 ; 分隔）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="126" />
            <source>Fill from layer…</source>
            <translation>从图层生成…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/plot_editing.py" line="28" />
            <source>Fill plots from a layer</source>
            <translation>从图层生成地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="145" />
            <source>Fill the layers from those found in the project by their standard field codes (DLTB, YJJBNTTB, STBHHX, CZKFBJ)</source>
            <translation>按标准字段代码（DLTB、YJJBNTTB、STBHHX、CZKFBJ）从工程中识别并填入图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="143" />
            <source>Find layers</source>
            <translation>识别图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="63" />
            <source>Find out in two surveys…</source>
            <translation>比对两期调查…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/dock_help.py" line="41" />
            <source>Float</source>
            <translation>浮动</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt_export.py" line="95" />
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt_export.py" line="99" />
            <source>Folder for the coordinate files</source>
            <translation>坐标文件所在文件夹</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="199" />
            <source>Font</source>
            <translation>字体</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="75" />
            <source>Font (empty: the configured CJK font)</source>
            <translation>字体（留空：使用已设置的中文字体）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/province_year_balance.py" line="51" />
            <source>For a province and a year N: the net stable farmland increase of its county reserves in N (deposits dated in N, not reversed, plus the in-out balance) against the occupation of N+1 (write-offs dated in N+1 and commitments due in N+1). One row per county and one for the province; balanced when the province's margin is at least zero. Deposits still waiting for their change-survey confirmation (national_2024) are listed as pending and not counted; PROJECT_DATABASE names more of them (deposits recorded before the ledger kept confirmations). The in-out balance (进出平衡) is the ledger's account of year N. The cap rule is an assumption of the rule profile (unconfirmed).</source>
            <translation>对某省某年 N：其各县储备库在 N 年的稳定耕地净增加（N 年入库且未冲正的指标，加进出平衡）与 N+1 年占用（N+1 年核销及 N+1 年到期的承诺）相比。每县一行、全省一行；全省余量不小于零即为平衡。尚待变更调查确认的入库指标（national_2024）列为待确认，不计入；PROJECT_DATABASE 可补充指出更多此类项目（储备库记录确认之前入库的）。进出平衡取储备库 N 年的进出平衡账。以补定占的计算规则为规则配置中的假设（未经证实）。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="72" />
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/found_layers.py" line="49" />
            <source>Found by their field codes: {}</source>
            <translation>已按字段代码识别：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/found_layers.py" line="50" />
            <source>Found in the project:</source>
            <translation>工程中识别出的图层：</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="65" />
            <source>From a footprint layer…</source>
            <translation>按建设项目用地范围计算…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="505" />
            <source>GPS files (*.gpx *.csv *.txt)</source>
            <translation>GPS 文件 (*.gpx *.csv *.txt)</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="298" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="170" />
            <source>Give AREA_MU, or FOOTPRINT and SURVEY to calculate it</source>
            <translation>请给出 AREA_MU，或给出 FOOTPRINT 和 SURVEY 以自动计算</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="179" />
            <source>Give CAPACITY_KG, or CLASS_CODE and GRADE to compute it</source>
            <translation>请填写 CAPACITY_KG，或填写 CLASS_CODE 和 GRADE 以计算产能</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/_offline_home.py" line="28" />
            <source>Give either the GeoPackage project database or a PostGIS connection, not both</source>
            <translation>请指定 GeoPackage 项目数据库或 PostGIS 连接之一，不能同时指定</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/_offline_home.py" line="40" />
            <source>Give the GeoPackage project database or a PostGIS connection</source>
            <translation>请指定 GeoPackage 项目数据库或 PostGIS 连接</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/_offline_home.py" line="30" />
            <source>Give the project schema of the PostGIS database</source>
            <translation>请指定 PostGIS 数据库中的项目模式（schema）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/writeoff_calculator.py" line="62" />
            <source>Grade</source>
            <translation>等别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="33" />
            <source>Grade after</source>
            <translation>实施后平均等别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="33" />
            <source>Grade before</source>
            <translation>实施前平均等别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="250" />
            <source>Grade before / after</source>
            <translation>实施前 / 后平均等别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="220" />
            <source>Grade before {:.2f} from {}</source>
            <translation>实施前等别 {:.2f}，取自 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="82" />
            <source>Grade of the occupied land</source>
            <translation>占用耕地等别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="131" />
            <source>Grade of the occupied land ({})</source>
            <translation>占用耕地等别（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="116" />
            <source>Grade system</source>
            <translation>等别体系</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="82" />
            <source>Grade uplift</source>
            <translation>等别提升</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="251" />
            <source>Grade uplift / new farmland grade</source>
            <translation>等别提升 / 新增耕地等别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="82" />
            <source>Grain capacity</source>
            <translation>粮食产能</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="137" />
            <source>Grain capacity (粮食产能)</source>
            <translation>粮食产能</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="244" />
            <source>Grain capacity credit</source>
            <translation>粮食产能指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/writeoff_calculator.py" line="62" />
            <source>Gross (mu)</source>
            <translation>毛面积（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/plugin.py" line="91" />
            <source>Help</source>
            <translation>帮助</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="85" />
            <source>Idempotency key (retries are applied once)</source>
            <translation>幂等键（重试只执行一次）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="35" />
            <source>Imagery</source>
            <translation>影像</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="476" />
            <source>Images ({})</source>
            <translation>图片（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="202" />
            <source>Import GPX / CSV…</source>
            <translation>导入 GPX / CSV…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="126" />
            <source>Import Ministry-format coordinate files as plots</source>
            <translation>将部标准格式坐标文件导入为地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="126" />
            <source>Import TXT…</source>
            <translation>导入 TXT…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="422" />
            <source>Import a constraint set</source>
            <translation>导入约束图层集</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="24" />
            <source>Import coordinate TXT (部标准格式)</source>
            <translation>导入坐标 TXT（部标准格式）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/exchange.py" line="39" />
            <source>Import coordinate TXT files</source>
            <translation>导入坐标 TXT 文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="161" />
            <source>Import coordinate files?</source>
            <translation>导入坐标文件？</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="505" />
            <source>Import field points</source>
            <translation>导入外业核查点</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="179" />
            <source>Import set…</source>
            <translation>导入图层集…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="161" />
            <source>Import them anyway?</source>
            <translation>仍然导入吗？</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="257" />
            <source>Import {} plot(s) from coordinate TXT</source>
            <translation>从坐标 TXT 导入 {} 个地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="125" />
            <source>In 进</source>
            <translation>进</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="42" />
            <source>In 进 (mu)</source>
            <translation>进（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/overview.py" line="123" />
            <source>Indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="58" />
            <source>Info</source>
            <translation>提示</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="49" />
            <source>Journal entries</source>
            <translation>流水条数</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="110" />
            <source>Journal entry</source>
            <translation>流水号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="133" />
            <source>Keep the office version</source>
            <translation>保留内业版本</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="185" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="80" />
            <source>Land class of the occupied land</source>
            <translation>占用耕地地类</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/found_layers.py" line="19" />
            <source>Land survey</source>
            <translation>国土调查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="99" />
            <source>Land survey (DLTB)</source>
            <translation>国土调查图斑（DLTB）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/check_constraints.py" line="73" />
            <source>Land survey (class before)</source>
            <translation>国土调查（实施前地类）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="135" />
            <source>Land survey (layer, class field)</source>
            <translation>国土调查（图层、地类字段）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="68" />
            <source>Land survey DLTB (optional: 田坎 KCXS, grade before, class before)</source>
            <translation>国土调查地类图斑 DLTB（可选：田坎系数 KCXS、实施前等别、实施前地类）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/check_constraints.py" line="75" />
            <source>Land-survey class field</source>
            <translation>国土调查地类字段</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/plot_editing.py" line="41" />
            <source>Layer (its selected features become plots)</source>
            <translation>图层（其选中要素将成为地块）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="84" />
            <source>Ledger</source>
            <translation>储备库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/province_year_balance.py" line="61" />
            <source>Ledger (GeoPackage file or PostgreSQL connection name)</source>
            <translation>储备库（GeoPackage 文件或 PostgreSQL 连接名称）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="46" />
            <source>Ledger report</source>
            <translation>储备库报表</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="339" />
            <source>Ledger {} opened and verified ({} entries)</source>
            <translation>已打开储备库 {}，校验通过（{} 条流水）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="423" />
            <source>Legend</source>
            <translation>图例</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="96" />
            <source>Line endings</source>
            <translation>换行符</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="148" />
            <source>Map export canceled after {} files</source>
            <translation>图件导出已取消（已导出 {} 个文件）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="80" />
            <source>Map written to {}</source>
            <translation>图件已导出至 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/base.py" line="14" />
            <source>Maps and reports</source>
            <translation>图件与报表</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/province_year_balance.py" line="73" />
            <source>Margin (mu)</source>
            <translation>余量（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/check_constraints.py" line="66" />
            <source>Maximum slope for new farmland (°)</source>
            <translation>新增耕地最大坡度（°）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="82" />
            <source>Mean grade after</source>
            <translation>实施后平均等别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="82" />
            <source>Mean grade before</source>
            <translation>实施前平均等别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="164" />
            <source>Meeting map atlas</source>
            <translation>会审图集</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="45" />
            <source>Meeting maps</source>
            <translation>会审图件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="116" />
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="116" />
            <source>Merge the selected plots</source>
            <translation>合并选中的地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/bring_back.py" line="34" />
            <source>Merged by</source>
            <translation>合并人</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/bring_back.py" line="24" />
            <source>Merges an offline package into the project database (GeoPackage or PostGIS) it was taken from. Plots changed only in the field are applied; project details are merged field by field; what changed on both sides becomes a conflict that keeps both versions (decide them in the review dock's Conflicts tab); a status moving into or out of accepted / filed waits for the office; review records are added. The package is checked first: a damaged or foreign package is refused and nothing is written. Merging the same package again changes nothing.</source>
            <translation>将离线数据包合并回其来源项目数据库（GeoPackage 或 PostGIS）。仅外业修改的地块直接应用；项目信息逐字段合并；内外业都修改的内容作为冲突处理，两个版本都保留（在核查面板的“冲突”页中决定）；状态改为或改出“已验收/已报备”须等内业决定；核查记录追加。合并前先检查数据包：损坏或来自其他数据库的数据包会被拒绝，不写入任何内容。同一数据包重复合并不会产生任何变化。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="273" />
            <source>Merging an offline package</source>
            <translation>正在合并离线数据包</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="116" />
            <source>Message</source>
            <translation>消息</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="33" />
            <source>Messages</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="42" />
            <source>Met</source>
            <translation>是否平衡</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="171" />
            <source>Move to</source>
            <translation>转入</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="415" />
            <source>NUL byte in the text: is this a UTF-16 file without byte-order mark, or not a text file?</source>
            <translation>文本中有 NUL 字节：是否为不带 BOM 的 UTF-16 文件，或根本不是文本文件？</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_list.py" line="61" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/writeoff_calculator.py" line="62" />
            <source>Net (mu)</source>
            <translation>净面积（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="82" />
            <source>Net area</source>
            <translation>净面积</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="116" />
            <source>Net area (mu)</source>
            <translation>净面积（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/province_year_page.py" line="84" />
            <source>Net increase {} (mu)</source>
            <translation>{} 年净增加（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="82" />
            <source>New farmland</source>
            <translation>新增耕地</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="248" />
            <source>New farmland / upgrading</source>
            <translation>新增耕地 / 提质改造</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_actions.py" line="67" />
            <source>New name of {}</source>
            <translation>{} 的新名称</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="82" />
            <source>New paddy</source>
            <translation>新增水田</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="104" />
            <source>New project</source>
            <translation>新建项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="64" />
            <source>New project database</source>
            <translation>新建项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/plugin.py" line="40" />
            <source>New project database…</source>
            <translation>新建项目数据库…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="139" />
            <source>Newer survey (year y)</source>
            <translation>后期调查（y 年）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="69" />
            <source>New…</source>
            <translation>新建…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="154" />
            <source>Next step</source>
            <translation>下一步</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="104" />
            <source>Next ▶</source>
            <translation>下一个 ▶</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="221" />
            <source>No PostgreSQL connection given</source>
            <translation>未指定 PostgreSQL 连接</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="182" />
            <source>No PostgreSQL connection is saved in QGIS: add one in the Browser (PostgreSQL → New Connection…) first</source>
            <translation>QGIS 中没有保存的 PostgreSQL 连接：请先在浏览器面板中添加（PostgreSQL → 新建连接…）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="48" />
            <source>No coordinate file given</source>
            <translation>未指定坐标文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="31" />
            <source>No county of the province holds enough to sell.</source>
            <translation>本省没有储备足够可调出的县。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="85" />
            <source>No file name given</source>
            <translation>未指定文件名</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/fonts.py" line="59" />
            <source>No font with Chinese characters is installed (tried {}): install fonts-noto-cjk or set the map font.</source>
            <translation>未找到含中文字符的字体（已尝试：{}）：请安装 fonts-noto-cjk 或设置制图字体。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/help.py" line="49" />
            <source>No program opened the user manual; open {} in a web browser.</source>
            <translation>没有程序能打开用户手册，请用浏览器打开 {}。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="66" />
            <source>No project database open</source>
            <translation>未打开项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="123" />
            <source>No project was exported: {}</source>
            <translation>没有导出任何项目：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="223" />
            <source>No schema given</source>
            <translation>未指定模式（schema）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/found_layers.py" line="37" />
            <source>No standard layer found in the project: choose the layers by hand.</source>
            <translation>工程中未识别出标准图层：请手动选择图层。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="103" />
            <source>No 进出平衡 entries for county {} yet.</source>
            <translation>县 {} 暂无进出平衡记录。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="26" />
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="190" />
            <source>None: counted as out</source>
            <translation>无：计入流出</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/province_year_page.py" line="117" />
            <source>Not balanced: the occupation of {} ({:,.4f} mu) exceeds the net increase of {} ({:,.4f} mu) by {:,.4f} mu</source>
            <translation>不平衡：{} 年占用（{:,.4f} 亩）超过 {} 年净增加（{:,.4f} 亩）{:,.4f} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="187" />
            <source>Not checked</source>
            <translation>未检查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="512" />
            <source>Not checked: choose the plots layer</source>
            <translation>未检查：请选择地块图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/live_credits.py" line="135" />
            <source>Not checked: no constraint set is configured for this QGIS project</source>
            <translation>未检查：本 QGIS 工程未配置约束图层集</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/live_credits.py" line="166" />
            <source>Not checked: the constraint check failed ({})</source>
            <translation>未检查：约束检查失败（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/live_credits.py" line="133" />
            <source>Not checked: the constraint engine is not installed</source>
            <translation>未检查：约束检查模块未安装</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/live_credits.py" line="156" />
            <source>Not checked: the constraint set cannot be used ({})</source>
            <translation>未检查：约束图层集无法使用（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/live_credits.py" line="193" />
            <source>Not checked: the project has no plots</source>
            <translation>未检查：项目没有地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="31" />
            <source>Not creditable</source>
            <translation>不计指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/verdicts.py" line="18" />
            <source>Not passed</source>
            <translation>不通过</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="224" />
            <source>Not recorded: {}</source>
            <translation>未记录：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="173" />
            <source>Not taken along (no layer chosen): {}</source>
            <translation>未带出（未选择图层）：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="185" />
            <source>Note</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="375" />
            <source>Nothing exported: {}</source>
            <translation>未导出任何内容：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="189" />
            <source>Nothing imported: the files hold no parcels</source>
            <translation>未导入任何内容：文件中没有地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="206" />
            <source>Nothing imported: the layer refused the new plots</source>
            <translation>未导入任何内容：图层拒绝了新地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="201" />
            <source>Nothing imported: the layer {} cannot be edited</source>
            <translation>未导入任何内容：图层 {} 无法编辑</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="270" />
            <source>Nothing imported: {}</source>
            <translation>未导入任何内容：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="51" />
            <source>Nothing is requested from a service until it is configured; the key stays in this computer's QGIS settings.</source>
            <translation>服务配置完成前不会发出任何请求；密钥只保存在本机的 QGIS 设置中。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="303" />
            <source>Nothing to merge: this package was merged already.</source>
            <translation>无需合并：该数据包已合并过。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="75" />
            <source>Nothing was exported</source>
            <translation>未导出任何图件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/operation_rules.py" line="54" />
            <source>Occupation kind</source>
            <translation>占用类型</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="89" />
            <source>Occupation kind (empty: construction)</source>
            <translation>占用类型（空：建设占用）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/province_year_balance.py" line="72" />
            <source>Occupation of N+1 within the increase of N</source>
            <translation>N+1 年占用未超过 N 年净增加</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/province_year_page.py" line="84" />
            <source>Occupation {} (mu)</source>
            <translation>{} 年占用（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="74" />
            <source>Occupied cultivated area (mu)</source>
            <translation>占用耕地面积（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="67" />
            <source>Occupied farmland, capacity, paddy and fee from a construction footprint over the land survey (DLTB), net of 田坎</source>
            <translation>按建设项目用地范围与国土调查图斑（DLTB）计算占用耕地（扣除田坎）、产能、水田和开垦费</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="107" />
            <source>Occupied farmland, gross (mu)</source>
            <translation>占用耕地毛面积（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/writeoff_calculator.py" line="136" />
            <source>Occupied farmland: gross {:,.4f} mu − 田坎 {:,.4f} mu = net {:,.4f} mu (of it 可调整 {:,.4f} mu); grain capacity {:,.1f} kg; paddy {:,.4f} mu. {}</source>
            <translation>占用耕地：毛面积 {:,.4f} 亩 − 田坎 {:,.4f} 亩 = 净面积 {:,.4f} 亩（其中可调整地类 {:,.4f} 亩）；粮食产能 {:,.1f} 公斤；水田 {:,.4f} 亩。{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="76" />
            <source>Occupied grain capacity (kg)</source>
            <translation>占用粮食产能（公斤）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="78" />
            <source>Occupied paddy (mu)</source>
            <translation>占用水田（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="79" />
            <source>Of it inside permanent basic farmland</source>
            <translation>其中占用永久基本农田</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="91" />
            <source>Of it inside permanent basic farmland (mu)</source>
            <translation>其中占用永久基本农田（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="107" />
            <source>Of it 可调整 classes (mu)</source>
            <translation>其中可调整地类（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="118" />
            <source>Office version</source>
            <translation>内业版本</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/take_offline.py" line="37" />
            <source>Offline package</source>
            <translation>离线数据包</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="138" />
            <source>Older survey (year y−1)</source>
            <translation>前期调查（y−1 年）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="182" />
            <source>One combined PDF</source>
            <translation>合并为一个 PDF</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="102" />
            <source>One file per parcel</source>
            <translation>每个地块一个文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt_export.py" line="43" />
            <source>One file per parcel (the file name from 地块编号)</source>
            <translation>每个地块一个文件（文件名取地块编号）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="180" />
            <source>One file per project</source>
            <translation>每个项目一个文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="112" />
            <source>Only conflicts still to decide</source>
            <translation>只显示待决定的冲突</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="81" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="69" />
            <source>Open PostGIS…</source>
            <translation>打开 PostGIS…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="287" />
            <source>Open a ledger</source>
            <translation>打开指标储备库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="239" />
            <source>Open a project database first</source>
            <translation>请先打开项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="76" />
            <source>Open an existing ledger file</source>
            <translation>打开已有的指标储备库文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="140" />
            <source>Open commitments</source>
            <translation>未履行承诺</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="69" />
            <source>Open or create a project database</source>
            <translation>打开或新建项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="245" />
            <source>Open project database</source>
            <translation>打开项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/plugin.py" line="41" />
            <source>Open project database…</source>
            <translation>打开项目数据库…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/dock_help.py" line="38" />
            <source>Open this panel's chapter of the user manual (F1)</source>
            <translation>打开用户手册中本面板的章节（F1）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="69" />
            <source>Open…</source>
            <translation>打开…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="34" />
            <source>Other constraint</source>
            <translation>其他约束</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/check_constraints.py" line="69" />
            <source>Other constraint layers</source>
            <translation>其他约束图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/status.py" line="39" />
            <source>Other layer</source>
            <translation>其他图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="125" />
            <source>Out 出</source>
            <translation>出</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="42" />
            <source>Out 出 (mu)</source>
            <translation>出（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="125" />
            <source>Out 出, exempt</source>
            <translation>出（不计入）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="82" />
            <source>Output folder</source>
            <translation>输出文件夹</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="467" />
            <source>Overlap (mu)</source>
            <translation>重叠面积（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="203" />
            <source>Overlap in mu (1 mu = 2000/3 m²); the tooltip of each figure gives it in m²</source>
            <translation>重叠面积，单位亩（1 亩 = 2000/3 平方米）；鼠标悬停可见平方米数</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/export.py" line="112" />
            <source>Overlap with basic farmland</source>
            <translation>与永久基本农田重叠</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/export.py" line="112" />
            <source>Overlap with ecological red line</source>
            <translation>与生态保护红线重叠</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/overview.py" line="138" />
            <source>Overview</source>
            <translation>总览图</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="60" />
            <source>Own template (.qpt), overrides Template</source>
            <translation>自定义模板（.qpt），优先于“模板”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/headline.py" line="40" />
            <source>Paddy</source>
            <translation>水田指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="185" />
            <source>Paddy (mu)</source>
            <translation>水田（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="138" />
            <source>Paddy (水田)</source>
            <translation>水田</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/map_layers.py" line="97" />
            <source>Paddy after (hatched)</source>
            <translation>实施后水田（斜线）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="110" />
            <source>Paddy balance after (mu)</source>
            <translation>核销后水田余额（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/headline.py" line="40" />
            <source>Paddy credit</source>
            <translation>水田指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="32" />
            <source>Paddy credit (ha)</source>
            <translation>水田指标（公顷）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_list.py" line="61" />
            <source>Paddy credit (mu)</source>
            <translation>水田指标（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="70" />
            <source>Paddy reserve (ha)</source>
            <translation>水田储备（公顷）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="70" />
            <source>Paddy reserve (mu)</source>
            <translation>水田储备（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/writeoff_calculator.py" line="62" />
            <source>Parcel (BSM)</source>
            <translation>图斑（BSM）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="58" />
            <source>Parcel or project</source>
            <translation>图斑或项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="42" />
            <source>Parcels</source>
            <translation>地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="147" />
            <source>Parcels (old → new)</source>
            <translation>图斑（前 → 后）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/verdicts.py" line="18" />
            <source>Passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/province_year_page.py" line="84" />
            <source>Pending survey (mu)</source>
            <translation>待变更调查确认（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/province_year_balance.py" line="119" />
            <source>Pending the change survey (not counted): {}</source>
            <translation>待变更调查核实（不计入）：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="101" />
            <source>Permanent basic farmland</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/writeoff_calculator.py" line="62" />
            <source>Permanent basic farmland (mu)</source>
            <translation>永久基本农田（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="117" />
            <source>Photos</source>
            <translation>照片</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="199" />
            <source>Plot</source>
            <translation>地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="118" />
            <source>Plot / project</source>
            <translation>地块 / 项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="54" />
            <source>Plot attributes</source>
            <translation>地块属性</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/plot_editing.py" line="218" />
            <source>Plot {} cannot be repaired automatically; redraw it</source>
            <translation>地块 {} 无法自动修复，请重新绘制</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="188" />
            <source>Plot {}: {}</source>
            <translation>地块 {}：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="117" />
            <source>Plot {}: {} (use Repair in the project dock)</source>
            <translation>地块 {}：{}（请在项目面板中点击“修复”）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="54" />
            <source>Plots</source>
            <translation>地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="253" />
            <source>Plots / refused</source>
            <translation>地块数 / 未计入</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/overview.py" line="30" />
            <source>Plots by verdict</source>
            <translation>地块（按核查结论）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/take_offline.py" line="39" />
            <source>Plots exported</source>
            <translation>导出的地块数</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="104" />
            <source>Plots with credits</source>
            <translation>带指标的地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/check_constraints.py" line="86" />
            <source>Plots: {}</source>
            <translation>地块：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="199" />
            <source>Point</source>
            <translation>点</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/_offline_home.py" line="20" />
            <source>PostGIS project schema</source>
            <translation>PostGIS 项目模式（schema）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="155" />
            <source>PostgreSQL connection</source>
            <translation>PostgreSQL 连接</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/postgres_backend.py" line="46" />
            <source>PostgreSQL {}: cannot connect: {}</source>
            <translation>PostgreSQL {}：无法连接：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_transfer.py" line="51" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_transfer.py" line="50" />
            <source>Pricing</source>
            <translation>定价方式</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="152" />
            <source>Process due commitments</source>
            <translation>处理到期承诺</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="77" />
            <source>Producer</source>
            <translation>制图单位</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/overview.py" line="133" />
            <source>Producer: {}</source>
            <translation>制图单位：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="100" />
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="194" />
            <source>Project / plot</source>
            <translation>项目 / 地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="239" />
            <source>Project area</source>
            <translation>项目面积</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="28" />
            <source>Project code</source>
            <translation>项目编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="453" />
            <source>Project code {}</source>
            <translation>项目编号 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/take_offline.py" line="30" />
            <source>Project codes (comma-separated)</source>
            <translation>项目编号（逗号分隔）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="56" />
            <source>Project codes (empty: all)</source>
            <translation>项目编号（留空：全部）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="106" />
            <source>Project credits</source>
            <translation>项目指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="105" />
            <source>Project database</source>
            <translation>项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/_offline_home.py" line="16" />
            <source>Project database (GeoPackage)</source>
            <translation>项目数据库（GeoPackage）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/province_year_balance.py" line="67" />
            <source>Project database (optional: change-survey confirmations)</source>
            <translation>项目数据库（可选：变更调查核实结果）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="150" />
            <source>Project database on PostGIS</source>
            <translation>PostGIS 上的项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/bring_back.py" line="54" />
            <source>Project details edited in the field applied: {}.</source>
            <translation>已合并外业修改的项目信息：{}。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/bring_back.py" line="56" />
            <source>Project details to decide in the office (both values kept): {}.</source>
            <translation>项目信息待内业决定（两边的值均已保留）：{}。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="28" />
            <source>Project name</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_list.py" line="61" />
            <source>Project status</source>
            <translation>项目状态</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="28" />
            <source>Project type</source>
            <translation>项目类型</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="193" />
            <source>Project {} accepted: choose a reserve ledger in the ledger dock to deposit its credits</source>
            <translation>项目 {} 已验收：请在储备库面板中选择储备库后入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="223" />
            <source>Project {} accepted; its credits are deposited into the reserve of county {} (journal entry {})</source>
            <translation>项目 {} 已验收；其指标已存入县 {} 的储备库（流水号 {}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="40" />
            <source>Project {} cannot be accepted</source>
            <translation>项目 {} 不能验收</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="40" />
            <source>Project {} cannot be reopened</source>
            <translation>项目 {} 不能重新打开</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_actions.py" line="90" />
            <source>Project {} deleted with {} plots (undo to restore; save to make it final)</source>
            <translation>已删除项目 {} 及其 {} 个地块（可撤销恢复；保存后生效）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="233" />
            <source>Project {} deposited into county {}: reserve now {}</source>
            <translation>项目 {} 已入库到 {}：当前储备 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_actions.py" line="101" />
            <source>Project {} follows the workflow of {}: move it a step at a time with Workflow…, which records the date and who took each step</source>
            <translation>项目 {} 执行 {} 的流程：请用“流程…”逐步办理，系统记录每一步的日期和办理人</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="326" />
            <source>Project {} has no plots to export</source>
            <translation>项目 {} 没有可导出的地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/plot_editing.py" line="82" />
            <source>Project {} is accepted and locked: reopen it (with a reason) before changing its plots or fields</source>
            <translation>项目 {} 已验收并锁定：修改其地块或字段前，请先说明原因并重新打开</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/lock_guard.py" line="119" />
            <source>Project {} is accepted and locked: the edit was undone. Reopen it (with a reason) before changing its plots or fields</source>
            <translation>项目 {} 已验收并锁定：该编辑已撤销。修改其地块或字段前，请先说明原因并重新打开</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="254" />
            <source>Project {} is confirmed by the change survey: open its reserve ledger in the ledger dock to make its credits usable</source>
            <translation>项目 {} 已经变更调查核实：请在储备库面板打开其储备库，使其指标可用</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="225" />
            <source>Project {} is not deposited: {}</source>
            <translation>项目 {} 未入库：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="339" />
            <source>Project {} moved to {} on {}</source>
            <translation>项目 {0} 已于 {2} 转入{1}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="353" />
            <source>Project {} now follows the rule profile {}</source>
            <translation>项目 {} 现执行规则配置 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="278" />
            <source>Project {} reopened ({}); its deposit was reversed (journal entry {})</source>
            <translation>项目 {} 已重新打开（{}）；其入库已冲正（流水号 {}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="278" />
            <source>Project {} reopened ({}); the ledger held no deposit of it</source>
            <translation>项目 {} 已重新打开（{}）；储备库中没有该项目的入库记录</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="210" />
            <source>Project {} was deposited already (journal entry {})</source>
            <translation>项目 {} 已入库（流水号 {}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_actions.py" line="105" />
            <source>Project {}: '{}' is not a state of the workflow of {} ({})</source>
            <translation>项目 {}：“{}”不是 {} 流程中的状态（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_actions.py" line="112" />
            <source>Project {}: accept it first (验收), then it can be filed</source>
            <translation>项目 {}：请先验收，然后才能报备</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="270" />
            <source>Project {}: its credits are usable now (change survey {} confirmed, ledger entry {})</source>
            <translation>项目 {}：指标现已可用（{} 年变更调查确认，储备库流水 {}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="228" />
            <source>Project {}: plots {} credited to 进出平衡 (journal entry {})</source>
            <translation>项目 {}：地块 {} 计入进出平衡（流水 {}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="264" />
            <source>Project {}: the ledger refused the confirmation: {}</source>
            <translation>项目 {}：储备库拒绝记录确认：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="260" />
            <source>Project {}: the reserve ledger cannot be opened: {}</source>
            <translation>项目 {}：无法打开储备库：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="377" />
            <source>Project {}: {} plot(s) written to {}</source>
            <translation>项目 {}：{} 个地块已写入 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="160" />
            <source>Projects</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="310" />
            <source>Projects created in the field added: {}.</source>
            <translation>已添加外业新建的项目：{}。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="314" />
            <source>Projects deleted in the field deleted: {}.</source>
            <translation>外业删除的项目已删除：{}。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="84" />
            <source>Projects exported</source>
            <translation>已导出项目数</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="85" />
            <source>Projects not exported, with the reason</source>
            <translation>未导出的项目及原因</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="84" />
            <source>Projects of {} to take to the field</source>
            <translation>{} 中要带到外业的项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/province_year_page.py" line="37" />
            <source>Province</source>
            <translation>省</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/province_year_balance.py" line="63" />
            <source>Province code (2 digits)</source>
            <translation>省级代码（2 位）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="107" />
            <source>Province reserve {}</source>
            <translation>省级储备 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="98" />
            <source>Province share</source>
            <translation>省级分成</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/province_year_page.py" line="92" />
            <source>Province {} total</source>
            <translation>{} 全省合计</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/province_year_balance.py" line="115" />
            <source>Province {}: net increase {:.2f} mu in {}, occupation {:.2f} mu in {}: margin {:.2f} mu</source>
            <translation>省 {0}：{2} 年净增加 {1:.2f} 亩，{4} 年占用 {3:.2f} 亩，余量 {5:.2f} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/province_year_balance.py" line="70" />
            <source>Province-year balance</source>
            <translation>省级年度平衡</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/province_year_balance.py" line="48" />
            <source>Province-year balance (以补定占)</source>
            <translation>省级年度平衡（以补定占）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="129" />
            <source>Province-year 以补定占</source>
            <translation>省级年度平衡（以补定占）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/headline.py" line="40" />
            <source>Quantity</source>
            <translation>数量指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="228" />
            <source>Reading coordinate TXT files</source>
            <translation>正在读取坐标 TXT 文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="27" />
            <source>Reads one or more Ministry-standard coordinate files (部标准格式 TXT) into polygons. Encoding, line endings, renamed header keys, swapped X/Y and a missing zone prefix are detected; rings become parts, holes and islands by containment. area_m2 is the ellipsoidal area on CGCS2000; area_note compares it with the declared 地块面积. A file that cannot be read stops the import and names the line; nothing is output then. Files in other zones are reprojected to the first file's CRS.</source>
            <translation>将一个或多个部标准格式坐标文件（TXT）读为面图层。自动识别编码、换行符、改名的表头键、X/Y 颠倒和缺失的带号前缀；各圈按包含关系组成多部件、洞和洞中岛。area_m2 为 CGCS2000 椭球面积；area_note 将其与申报的地块面积比较。任一文件无法读取时导入终止并指出行号，此时不输出任何内容。其他投影带的文件重投影到第一个文件的坐标系。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="306" />
            <source>Reason (required)</source>
            <translation>原因（必填）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="143" />
            <source>Reason for choosing another profile (required)</source>
            <translation>改用其他规则配置的理由（必填）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="521" />
            <source>Reason for the reversal</source>
            <translation>冲正原因</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="147" />
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="59" />
            <source>Record out…</source>
            <translation>记录流出…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="156" />
            <source>Record the checked changes</source>
            <translation>记录勾选的变化</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="453" />
            <source>Recorded {} by {}</source>
            <translation>{} 由 {} 记录</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="194" />
            <source>Red line (mu)</source>
            <translation>生态保护红线（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="78" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="171" />
            <source>Reference (文号)</source>
            <translation>文号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="29" />
            <source>Refused plots</source>
            <translation>未计入地块数</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="160" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_actions.py" line="67" />
            <source>Rename project</source>
            <translation>重命名项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="100" />
            <source>Rename, delete or set the status of the selected project</source>
            <translation>重命名、删除所选项目或设置其状态</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="100" />
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="104" />
            <source>Reopen an accepted project (with a reason): its deposit is reversed</source>
            <translation>重新打开已验收项目（须说明原因）：其入库将被冲正</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="247" />
            <source>Reopen project {}</source>
            <translation>重新打开项目 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="104" />
            <source>Reopen…</source>
            <translation>重新打开…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="101" />
            <source>Repair</source>
            <translation>修复</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="103" />
            <source>Repair the invalid plot geometries (one undo step)</source>
            <translation>修复无效的地块图形（一步撤销）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/plot_editing.py" line="211" />
            <source>Repair {} plots</source>
            <translation>修复 {} 个地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="106" />
            <source>Reproject to (when the layer is not in a Gauss-Krüger zone)</source>
            <translation>重投影到（图层不在高斯-克吕格投影带时）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="124" />
            <source>Reserve</source>
            <translation>储备库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_commitment.py" line="47" />
            <source>Reserve at the due date, after the open commitments</source>
            <translation>到期时的储备（扣除未履行承诺后）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="164" />
            <source>Reserve balances</source>
            <translation>储备库余额</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/base.py" line="14" />
            <source>Reserve ledger</source>
            <translation>指标储备库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="79" />
            <source>Reserve ledger for the county's 进出平衡 (GeoPackage file or PostgreSQL connection name)</source>
            <translation>用于县级进出平衡的储备库（GeoPackage 文件或 PostgreSQL 连接名）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="24" />
            <source>Reserve ledger report</source>
            <translation>储备库报表</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="47" />
            <source>Reserve ledger write-off</source>
            <translation>储备库核销</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="94" />
            <source>Reserve of county {}</source>
            <translation>{} 的储备</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="116" />
            <source>Reshape</source>
            <translation>整形</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="164" />
            <source>Reshape plot</source>
            <translation>地块整形</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="199" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="41" />
            <source>Reversal 冲正</source>
            <translation>冲正</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="521" />
            <source>Reverse entry {}</source>
            <translation>冲正流水 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="173" />
            <source>Reverse selected…</source>
            <translation>冲正所选…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="173" />
            <source>Reviewer</source>
            <translation>核查人</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="136" />
            <source>Rule profile</source>
            <translation>规则配置</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/base.py" line="36" />
            <source>Rule profile ({}; empty: the QGIS project's)</source>
            <translation>规则配置（{}；留空：使用本 QGIS 工程的配置）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="263" />
            <source>Rule profile / state</source>
            <translation>规则配置 / 流程状态</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="318" />
            <source>Rule profile of the project: {} ({})</source>
            <translation>项目适用的规则配置：{}（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="95" />
            <source>Rule profile {} keeps no 进出平衡 account</source>
            <translation>规则配置 {} 没有进出平衡账</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/operation_rules.py" line="88" />
            <source>Rule profile {} requires {}</source>
            <translation>规则配置 {} 要求填写{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="138" />
            <source>Rule profile: {} ({})</source>
            <translation>规则配置：{}（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/operation_rules.py" line="27" />
            <source>Rules and references</source>
            <translation>规则与编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="72" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="72" />
            <source>Save all edits to the database</source>
            <translation>将全部编辑保存到数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_actions.py" line="124" />
            <source>Save or discard the edits of the projects first: a workflow step is written to the database at once</source>
            <translation>请先保存或放弃项目表的修改：流程步骤会立即写入数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/offline_layers.py" line="32" />
            <source>Save or discard the edits of {} first: the merge writes to {}.</source>
            <translation>请先保存或放弃 {} 的编辑：合并将写入 {}。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="167" />
            <source>Save verdict</source>
            <translation>保存结论</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="217" />
            <source>Saved</source>
            <translation>已保存</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/rules.py" line="120" />
            <source>Scale {:.1f} mu is below the {:.0f} mu of a moderate-scale consolidation project</source>
            <translation>项目规模 {:.1f} 亩，低于适度规模综合整治项目的 {:.0f} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/rules.py" line="124" />
            <source>Scale {:.1f} mu reaches {:.0f} mu</source>
            <translation>项目规模 {:.1f} 亩，达到 {:.0f} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="159" />
            <source>Schema</source>
            <translation>模式（schema）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_list.py" line="46" />
            <source>Search code or name…</source>
            <translation>按项目编号或名称搜索…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="168" />
            <source>Search project, 电子监管号, 案卷编号, note…</source>
            <translation>搜索项目、电子监管号、案卷编号、备注…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="44" />
            <source>Search the journal (project, 电子监管号, 案卷编号, note)</source>
            <translation>搜索流水（项目、电子监管号、案卷编号、备注）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="103" />
            <source>Select a project before drawing a plot</source>
            <translation>绘制地块前请先选择项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="245" />
            <source>Select a project first</source>
            <translation>请先选择项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/headline.py" line="61" />
            <source>Select a project to see its credits.</source>
            <translation>选择项目以查看其指标。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="518" />
            <source>Select the journal entry to reverse</source>
            <translation>请选择要冲正的流水</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/plot_editing.py" line="173" />
            <source>Select the plots to delete on the map or in the plot list</source>
            <translation>请在地图或地块列表中选择要删除的地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/writeoff_calculator.py" line="36" />
            <source>Selected polygons only</source>
            <translation>仅选中的多边形</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_transfer.py" line="49" />
            <source>Seller county (same province)</source>
            <translation>调出县（本省）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_transfer.py" line="59" />
            <source>Seller's reserve</source>
            <translation>调出县储备</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="44" />
            <source>Service</source>
            <translation>服务</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="100" />
            <source>Set status</source>
            <translation>设置状态</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/check_constraints.py" line="71" />
            <source>Severity of the other layers</source>
            <translation>其他图层的严重程度</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="467" />
            <source>Share</source>
            <translation>占比</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/change_survey_panel.py" line="52" />
            <source>Share as cultivated land</source>
            <translation>耕地占比</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_common.py" line="32" />
            <source>Short in county {}: {}.</source>
            <translation>{} 储备不足：{}。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="84" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="99" />
            <source>Slope</source>
            <translation>坡度</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="131" />
            <source>Slope (layer, field)</source>
            <translation>坡度（图层、字段）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="194" />
            <source>Slope (mu)</source>
            <translation>坡度超限（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/check_constraints.py" line="60" />
            <source>Slope (polygons with a slope field, or a DEM raster)</source>
            <translation>坡度（带坡度字段的面图层或 DEM 栅格）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="34" />
            <source>Slope above limit</source>
            <translation>坡度超限</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="101" />
            <source>Slope field (degrees)</source>
            <translation>坡度字段（度）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="289" />
            <source>Slope level (GDPDJB)</source>
            <translation>耕地坡度级别（GDPDJB）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="94" />
            <source>Slope polygons (optional: blocking above 25°)</source>
            <translation>坡度面图层（可选：大于 25° 阻断）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="66" />
            <source>Slope polygons (slope_deg)</source>
            <translation>坡度图斑（slope_deg）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="116" />
            <source>Snap drawing to plots, basic farmland and land-survey boundaries</source>
            <translation>绘制时捕捉地块、永久基本农田和国土调查图斑边界</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="116" />
            <source>Snapping</source>
            <translation>捕捉</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="325" />
            <source>Snapping on: {}</source>
            <translation>已开启捕捉：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="116" />
            <source>Split</source>
            <translation>分割</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="132" />
            <source>Split plots</source>
            <translation>分割地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/province_year_page.py" line="84" />
            <source>Stable deposits {} (mu)</source>
            <translation>{} 年稳定入库（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="467" />
            <source>Status</source>
            <translation>核查结果</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="97" />
            <source>Step</source>
            <translation>步骤</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/change_survey_panel.py" line="43" />
            <source>Survey layer (DLTB)</source>
            <translation>变更调查图层（DLTB）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/change_survey_panel.py" line="52" />
            <source>Survey year</source>
            <translation>调查年份</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="130" />
            <source>Take offline</source>
            <translation>离线带出</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="125" />
            <source>Take offline…</source>
            <translation>离线带出…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/take_offline.py" line="21" />
            <source>Take projects offline</source>
            <translation>项目离线带出</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="307" />
            <source>Take step</source>
            <translation>办理</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="307" />
            <source>Take step and deposit…</source>
            <translation>办理并入库…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="307" />
            <source>Take step and reverse the deposit…</source>
            <translation>办理并冲正入库…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="136" />
            <source>Take the field version</source>
            <translation>采用外业版本</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="171" />
            <source>Taken by</source>
            <translation>办理人</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="178" />
            <source>Taking projects offline</source>
            <translation>正在离线带出项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="58" />
            <source>Template</source>
            <translation>模板</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="91" />
            <source>Template (parcel-line layout)</source>
            <translation>模板（地块行格式）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="37" />
            <source>Text encoding</source>
            <translation>文本编码</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="527" />
            <source>The constraint check failed: {}</source>
            <translation>约束检查失败：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/exchange.py" line="54" />
            <source>The coordinate TXT export is not installed</source>
            <translation>坐标 TXT 导出模块未安装</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/exchange.py" line="37" />
            <source>The coordinate TXT import is not installed</source>
            <translation>坐标 TXT 导入模块未安装</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/writeoff_calculator.py" line="143" />
            <source>The footprint occupies no cultivated land in the survey layer</source>
            <translation>用地范围在调查图层中未占用耕地</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="147" />
            <source>The footprint occupies no cultivated land in {}</source>
            <translation>用地范围在 {} 中未占用耕地</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="129" />
            <source>The input layer already has a field '{}'; rename it first</source>
            <translation>输入图层已有字段“{}”，请先重命名</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="124" />
            <source>The input layer has no valid CRS: ellipsoidal areas cannot be computed</source>
            <translation>输入图层没有有效的坐标系，无法计算椭球面积</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="121" />
            <source>The input layer lacks the fields {} (set the field parameters to the names your layer uses)</source>
            <translation>输入图层缺少字段 {}（请将字段参数设为图层实际使用的字段名）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="83" />
            <source>The ledger does not verify: {}</source>
            <translation>储备库校验未通过：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="172" />
            <source>The line does not reshape any plot: it must cross the plot boundary twice</source>
            <translation>该线未修改任何地块：它必须两次穿过地块边界</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/fonts.py" line="53" />
            <source>The map font '{}' has no Chinese characters: the sheet would show empty boxes. Choose a CJK font such as Noto Sans CJK SC.</source>
            <translation>制图字体“{}”不含中文字符，图件将显示为空白方框。请选择中文字体，如 Noto Sans CJK SC。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/fonts.py" line="50" />
            <source>The map font '{}' is not installed: install it (on Debian: fonts-noto-cjk) or choose another font with Chinese characters.</source>
            <translation>制图字体“{}”未安装：请安装该字体（Debian：fonts-noto-cjk）或选择其他含中文字符的字体。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/exchange.py" line="81" />
            <source>The meeting-map export is not installed</source>
            <translation>上会图件导出模块未安装</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/check_constraints.py" line="124" />
            <source>The plot layer already has a field '{}'; rename it first</source>
            <translation>地块图层已有字段“{}”，请先重命名</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/check_constraints.py" line="120" />
            <source>The plot layer lacks the fields {}</source>
            <translation>地块图层缺少字段 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="249" />
            <source>The project database has no ledger beside it yet ({}).</source>
            <translation>项目数据库旁还没有指标储备库（{}）。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/state.py" line="48" />
            <source>The project database {} saved in this QGIS project was not found</source>
            <translation>未找到本 QGIS 工程记录的项目数据库 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="226" />
            <source>The project dock is not loaded</source>
            <translation>项目面板未加载</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="104" />
            <source>The project's rule profile, its acceptance steps (who, when) and the next step</source>
            <translation>项目的规则配置、验收流程各步骤（办理人、日期）及下一步</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/province_year_balance.py" line="78" />
            <source>The province code '{}' is not 2 digits (e.g. 32)</source>
            <translation>省级代码“{}”不是 2 位数字（如 32）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/profile_selector.py" line="26" />
            <source>The rule profile of this QGIS project: every dock and sheet uses it</source>
            <translation>本 QGIS 工程的规则配置：所有面板和图件都使用它</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="243" />
            <source>The status '{}' is not a state of this workflow.</source>
            <translation>状态“{}”不属于本流程。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/help.py" line="45" />
            <source>The user manual is not installed with the plugin: {} is missing.</source>
            <translation>插件未安装用户手册：找不到 {}。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="161" />
            <source>These files may not belong to this county:</source>
            <translation>这些文件可能不属于本县：</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="125" />
            <source>These plots were other farmland (forest, orchard, grassland, pond, facility land) and are 耕地 now. Checked: they make good 耕地 lost to other farmland this year (进出平衡) and are not deposited.</source>
            <translation>以下地块原为其他农用地（林地、园地、草地、坑塘、设施农用地），现为耕地。勾选的地块用于补足当年耕地转为其他农用地的流出（进出平衡），不入库。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="26" />
            <source>Tianditu (天地图)</source>
            <translation>天地图</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="45" />
            <source>Tianditu key</source>
            <translation>天地图密钥</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="46" />
            <source>Tianditu map</source>
            <translation>天地图图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="165" />
            <source>Tick at least one project.</source>
            <translation>请至少勾选一个项目。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="173" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_transfer.py" line="90" />
            <source>Total: {:,.0f} yuan/mu × {:,.4f} mu = {:,.0f} yuan</source>
            <translation>合计：{:,.0f} 元/亩 × {:,.4f} 亩 = {:,.0f} 元</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_transfer.py" line="52" />
            <source>Transfer date</source>
            <translation>调剂日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_transfer.py" line="26" />
            <source>Transfer into county {} {}</source>
            <translation>调入县 {} {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_transfer.py" line="108" />
            <source>Transfer refused: {}</source>
            <translation>调剂被拒绝：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="40" />
            <source>Transfer 调剂</source>
            <translation>调剂</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="150" />
            <source>Transfer…</source>
            <translation>调剂…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="126" />
            <source>Turn selected features of a polygon layer into plots</source>
            <translation>将面图层的选中要素转为地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="47" />
            <source>URL</source>
            <translation>网址</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="78" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="100" />
            <source>Unit of 地块面积</source>
            <translation>地块面积单位</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/base.py" line="48" />
            <source>Unknown rule profile '{}'; known profiles: {}</source>
            <translation>未知的规则配置“{}”；可用的配置：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="354" />
            <source>Unstable farmland (TBXHDM, WDGD)</source>
            <translation>不稳定耕地（TBXHDM、WDGD）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="171" />
            <source>Until (e.g. end of the publicity)</source>
            <translation>截止日期（如公示结束）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="30" />
            <source>Upgrading</source>
            <translation>提质改造</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/found_layers.py" line="20" />
            <source>Urban development boundary</source>
            <translation>城镇开发边界</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/check_constraints.py" line="78" />
            <source>Urban development boundary CZKFBJ (optional: new farmland inside it)</source>
            <translation>城镇开发边界 CZKFBJ（可选：其内的新增耕地）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="71" />
            <source>Usable area (mu)</source>
            <translation>可用耕地数量（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/writeoff_calculator.py" line="79" />
            <source>Use these figures</source>
            <translation>采用这些数据</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/overview.py" line="123" />
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="36" />
            <source>Vector</source>
            <translation>矢量</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="173" />
            <source>Verdict</source>
            <translation>核查结论</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="29" />
            <source>Verdict code</source>
            <translation>核查结论代码</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/sheet_text.py" line="36" />
            <source>Verdict: {}</source>
            <translation>核查结论：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="604" />
            <source>Verdict: {} ({} projects: {})</source>
            <translation>结论：{}（{} 个项目：{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="48" />
            <source>WMS layers</source>
            <translation>WMS 图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="26" />
            <source>WMS service</source>
            <translation>WMS 服务</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="145" />
            <source>Waiting for the change survey</source>
            <translation>待变更调查确认</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="71" />
            <source>Waiting for the change survey (mu)</source>
            <translation>待变更调查确认（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/province_year_page.py" line="107" />
            <source>Waiting for the change survey: {}</source>
            <translation>待变更调查确认：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="180" />
            <source>Waiting for their change-survey confirmation, not usable yet: {} ({}). Usable now: {}</source>
            <translation>待变更调查确认、暂不可用：{}（{}）。现可用：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="58" />
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="247" />
            <source>Why is project {} reopened? (kept in the ledger with the reversal of its deposit)</source>
            <translation>为什么重新打开项目 {}？（原因随入库冲正记录保存在储备库中）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="73" />
            <source>Workflow of project {}</source>
            <translation>项目 {} 的流程</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="34" />
            <source>Workflow state</source>
            <translation>流程状态</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="241" />
            <source>Workflow {}: {}</source>
            <translation>流程 {}：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/dock_body.py" line="104" />
            <source>Workflow…</source>
            <translation>流程…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="72" />
            <source>Write-off date</source>
            <translation>核销日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="84" />
            <source>Write-off date (YYYY-MM-DD)</source>
            <translation>核销日期（YYYY-MM-DD）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/writeoff_calculator.py" line="31" />
            <source>Write-off from a construction footprint ({})</source>
            <translation>按建设项目用地范围核销（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="40" />
            <source>Write-off from county {} {}</source>
            <translation>从 {} {} 储备核销</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="251" />
            <source>Write-off refused: {}</source>
            <translation>核销被拒绝：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="40" />
            <source>Write-off 核销</source>
            <translation>核销</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="149" />
            <source>Write-off…</source>
            <translation>核销…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="50" />
            <source>Writes a construction project's occupied cultivated land off the county reserve: area, grain capacity and paddy together, or nothing. Give the three amounts, or the occupied area with the land class and grade and the capacity and paddy are computed with the rule profile's yield table. A county that cannot cover it is refused with the shortfall per indicator and the counties of the province that could sell, cheapest first. The same IDEMPOTENCY_KEY is applied once. FEE_YUAN is the cultivation fee due under the rule profile's fee table, the part inside permanent basic farmland (BASIC_FARMLAND_MU) at the profile's multiplier. RULE_PROFILE empty: the profile of the write-off date (national_2017 before 2025-01-01, national_2024 from then on); national_2024 requires DZJGH (电子监管号) and AJBH (案卷编号), refuses credits still waiting for their change-survey confirmation, and a national_2017 write-off dated 2025-01-01 or later is refused. With FOOTPRINT (the construction project's polygons) and SURVEY (the land survey DLTB), the occupied farmland, capacity, paddy and fee are calculated instead: the cultivated and 可调整 (K) classes under the footprint, net of 田坎 (KCXS, or the county table), capacity by each parcel's GDDB or GDDJ (DEFAULT_GRADE for parcels without), the part inside BASIC_FARMLAND at the fee multiplier.</source>
            <translation>从县级储备库核销建设项目占用的耕地：数量、产能、水田三项同时核销，或都不核销。可直接给出三项数量，也可给出占用面积和地类、等别，由规则配置的产量表计算产能和水田。储备不足的县被拒绝，并列出各项缺口及本省可调出的县（价格从低到高）。同一 IDEMPOTENCY_KEY 只执行一次。FEE_YUAN 为按规则配置的开垦费标准应缴的耕地开垦费，其中占用永久基本农田的部分（BASIC_FARMLAND_MU）按规则配置的倍数计。RULE_PROFILE 为空时按核销日期选择规则配置（2025-01-01 前为 national_2017，此后为 national_2024）；national_2024 要求填写 DZJGH（电子监管号）和 AJBH（案卷编号），不得核销尚待变更调查确认的指标；2025-01-01 及以后按 national_2017 核销的一律拒绝。给出 FOOTPRINT（建设项目用地范围）和 SURVEY（国土调查图斑 DLTB）时改为自动计算：用地范围内的耕地及可调整（K）地类，扣除田坎（KCXS，或县级田坎系数表），按各图斑的 GDDB 或 GDDJ 计算产能（无等别的图斑用 DEFAULT_GRADE），占用 BASIC_FARMLAND 的部分按倍数计开垦费。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/take_offline.py" line="24" />
            <source>Writes one GeoPackage for a field laptop with the chosen projects of a GeoPackage or PostGIS project database, their plots and review records, and the constraint layers clipped to the projects plus a margin. Bring it back with 'Bring back an offline package'.</source>
            <translation>从 GeoPackage 或 PostGIS 项目数据库中为外业笔记本生成一个 GeoPackage：包含所选项目、其地块和核查记录，以及按项目范围（含缓冲）裁切的约束图层。回来后用“带回合并离线数据包”合并。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="45" />
            <source>Writes one map sheet per project: the project's plots by kind (paddy hatched), overlaps with basic farmland and the ecological red line in red, legend, scale, north arrow, the credit table (mu and ha) and the constraint-check table (not checked is shown as such). PROJECTS takes codes separated by commas; empty means every project. A project without plots is reported, not exported as an empty page. The credit table also names the project's rule profile and workflow state and, with a LEDGER, its county's 进出平衡 of the last two years.</source>
            <translation>逐个项目输出会审图：按类型着色的地块（水田加斜线）、与永久基本农田和生态保护红线的重叠（红色）、图例、比例尺、指北针、指标表（亩和公顷）及约束核查表（未核查如实显示）。PROJECTS 为以逗号分隔的项目编号，为空时输出全部项目。没有地块的项目会报告出来，不输出空白页。指标表还列出项目的规则配置和流程状态；给出 LEDGER 时列出所在县最近两年的进出平衡。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="71" />
            <source>Writes polygons as a Ministry-standard coordinate file (部标准格式 TXT) for 上图入库: header from the layer's CRS (CGCS2000 or Xian 1980 Gauss-Krüger; otherwise set 'Reproject to'), one parcel per feature, rings of parts and holes, 界址点数 counting closing points, area (ellipsoidal, CGCS2000) in hectares by default. With 'one file per parcel', OUTPUT is a folder (a .txt ending is dropped). Files are replaced only when all were written. TEMPLATE chooses the parcel-line layout: the 8-field standard, the 12-field 补充耕地 file with or without its field-name line (year, slope level, quality level and 地类 name from their fields), or coordinates only; each reads back and writes again byte for byte.</source>
            <translation>将面要素写为部标准格式坐标文件（TXT），用于上图入库：文件头取自图层坐标系（CGCS2000 或 1980 西安高斯-克吕格；否则请设置“重投影到”），每个要素一个地块，各部分与洞的圈，界址点数包含闭合点，面积（CGCS2000 椭球面积）默认以公顷计。选择“每个地块一个文件”时 OUTPUT 为文件夹（去掉 .txt 后缀）。只有全部写成功才替换原文件。TEMPLATE 选择地块行格式：8 字段部标准格式、12 字段补充耕地格式（带或不带字段名行；实施年份、坡度级别、质量等级和地类名称取自相应字段）或仅坐标；每种格式读回后再写出逐字节相同。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="27" />
            <source>Writes the three-indicator reserve balances (area in mu and hectares, grain capacity in kg and 10,000 kg, paddy in mu and hectares) and the journal of deposits, write-offs, transfers, commitments and reversals to one table: first a row with record = 'verification' (whether the ledger verified when the report was made: movements and balances re-derived from the journal, on a GeoPackage its hash chain; entry_id is the newest entry, or the first that does not match), then rows with record = 'balance' (with what waits for its change-survey confirmation and what is usable), rows with record = 'in_out' (the 进出平衡 account per county and year), then one row per journal entry with its rule profile, 电子监管号 (dzjgh) and 案卷编号 (ajbh). SEARCH keeps the journal entries whose codes, names, links or note contain it. LEDGER is a GeoPackage ledger file or the name of a QGIS PostgreSQL connection. VERIFIED says whether the ledger verified.</source>
            <translation>将三类指标储备余额（数量：亩和公顷；产能：公斤和万公斤；水田：亩和公顷）及入库、核销、调剂、承诺、冲正流水写入一张表：第一行 record = 'verification'（报表生成时储备库是否通过校验：由流水重新推导变动和余额，GeoPackage 还校验哈希链；entry_id 为最新一条流水或第一条不符的流水），然后是 record = 'balance' 的余额行（含待变更调查确认和可用的部分）、record = 'in_out' 的进出平衡行（按县、按年），再逐条列出流水及其规则配置、电子监管号（dzjgh）和案卷编号（ajbh）。SEARCH 只保留代码、名称、编号或备注中含该文字的流水。LEDGER 为 GeoPackage 储备库文件或 QGIS 中 PostgreSQL 连接的名称。VERIFIED 表示储备库是否通过校验。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="204" />
            <source>Written off entry {}: {:.4f} mu, {:.1f} kg, {:.4f} mu paddy from county {}</source>
            <translation>已核销（流水 {}）：{:.4f} 亩、{:.1f} 公斤、水田 {:.4f} 亩，核销县 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="727" />
            <source>X and Y are swapped in this file (X holds the eastings); read them the other way round</source>
            <translation>本文件 X、Y 颠倒（X 列为东坐标），已按相反顺序读取</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="26" />
            <source>XYZ tile service</source>
            <translation>XYZ 瓦片服务</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/sheet_text.py" line="76" />
            <source>Xian 1980</source>
            <translation>1980 西安坐标系</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="42" />
            <source>Year</source>
            <translation>年份</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/province_year_balance.py" line="64" />
            <source>Year N</source>
            <translation>年份 N</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="147" />
            <source>Years</source>
            <translation>年份</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="226" />
            <source>Your name</source>
            <translation>您的姓名</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="98" />
            <source>Zone number in front of the eastings</source>
            <translation>东坐标前加带号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="39" />
            <source>Zone, if neither 带号 nor the eastings give it</source>
            <translation>投影带号（带号和东坐标均未给出时）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="107" />
            <source>Zoom to the first invalid plot and mark the error</source>
            <translation>定位到第一个无效地块并标出错误位置</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="532" />
            <source>a 'key=value' line inside [地块坐标]: the header must come before it</source>
            <translation>[地块坐标] 中出现“键=值”行：表头必须位于其前</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="650" />
            <source>a 12-field 补充耕地 parcel line needs 12 fields before '@', found {}</source>
            <translation>12 字段补充耕地地块行在“@”前需要 12 个字段，实有 {} 个</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="593" />
            <source>a field-name list line 【…,@】 after the first parcel: it must come before the parcels</source>
            <translation>字段名行【…,@】出现在第一个地块之后：它必须在地块之前</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="638" />
            <source>a parcel line must end in ',@' (a comma before '@')</source>
            <translation>地块行必须以“,@”结尾（@ 前要有逗号）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="659" />
            <source>a parcel line needs {} fields before '@' (界址点数,地块面积,地块编号,地块名称,记录图形属性,图幅号,地块用途,地类编码), found {}</source>
            <translation>地块行在“@”前需要 {} 个字段（界址点数,地块面积,地块编号,地块名称,记录图形属性,图幅号,地块用途,地类编码），实有 {} 个</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="451" />
            <source>a plot of this project is credited already (占补平衡 or 进出平衡, never both): {}</source>
            <translation>该项目的地块已计入指标（占补平衡与进出平衡只能计其一）：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="538" />
            <source>a point line before any parcel line (a parcel line ends in ',@')</source>
            <translation>在任何地块行之前出现了界址点行（地块行以“,@”结尾）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="262" />
            <source>a project has no project code</source>
            <translation>有项目没有项目编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="102" />
            <source>a project needs a project code</source>
            <translation>项目需要项目编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="254" />
            <source>a reason is required</source>
            <translation>必须说明原因</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="304" />
            <source>a split line needs at least two points</source>
            <translation>分割线至少需要两个点</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="300" />
            <source>accept it first ({}), then it can be moved on</source>
            <translation>须先验收（{}），然后才能继续办理</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="213" />
            <source>accept project {}</source>
            <translation>验收项目 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="818" />
            <source>acceptance date</source>
            <translation>验收日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="262" />
            <source>add plot {}</source>
            <translation>添加地块 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="112" />
            <source>add project {}</source>
            <translation>新建项目 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="265" />
            <source>aftercare until {}</source>
            <translation>后期管护至 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/accounts.py" line="132" />
            <source>all plots</source>
            <translation>全部地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="87" />
            <source>all projects</source>
            <translation>全部项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="183" />
            <source>already cultivated land, excluded from the new-farmland credit</source>
            <translation>已是耕地，不计入新增耕地指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="31" />
            <source>amount {} is not a finite number</source>
            <translation>数量 {} 不是有限数值</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="269" />
            <source>area</source>
            <translation>耕地数量</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="73" />
            <source>area (mu)</source>
            <translation>耕地数量（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="20" />
            <source>area short by {:.4f} mu ({:.4f} ha)</source>
            <translation>耕地数量缺 {:.4f} 亩（{:.4f} 公顷）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_common.py" line="27" />
            <source>area {:,.4f} mu</source>
            <translation>耕地数量 {:,.4f} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="252" />
            <source>back to {}</source>
            <translation>退回{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="347" />
            <source>basic farmland with {}={} (not stable): {}</source>
            <translation>永久基本农田 {}={}（非稳定利用耕地）：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/conflicts.py" line="127" />
            <source>bring back</source>
            <translation>带回合并</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="711" />
            <source>buyer county</source>
            <translation>调入县</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/found_layers.py" line="45" />
            <source>by its fields</source>
            <translation>按字段识别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/found_layers.py" line="45" />
            <source>by its name only: please check</source>
            <translation>仅按名称推测：请核对</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/operation_rules.py" line="97" />
            <source>by the date {}</source>
            <translation>按日期 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="263" />
            <source>byte 0x{:02X} cannot be read as {}</source>
            <translation>字节 0x{:02X} 无法按 {} 读取</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="333" />
            <source>cannot create the folder: {}</source>
            <translation>无法创建文件夹：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="380" />
            <source>cannot read the file: {}</source>
            <translation>无法读取文件：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="710" />
            <source>cannot tell northing from easting in '{}, {}': expected X = northing (below 10,000,000) and Y = easting (with the zone number in front, or below 1,000,000)</source>
            <translation>无法区分“{}, {}”中的北坐标和东坐标：应为 X = 北坐标（小于 10,000,000），Y = 东坐标（带带号前缀，或小于 1,000,000）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="363" />
            <source>cannot write the file: {}</source>
            <translation>无法写入文件：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="270" />
            <source>capped transfer at {:g} yuan/mu exceeds the province's cap of {:g} yuan/mu</source>
            <translation>限价调剂每亩 {:g} 元，超过本省最高限价每亩 {:g} 元</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/change_survey.py" line="170" />
            <source>change survey {} ({}), {} plots</source>
            <translation>{} 年变更调查（{}），{} 个地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="286" />
            <source>change-survey confirmation</source>
            <translation>变更调查确认</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/export.py" line="58" />
            <source>choose at least one project to take offline</source>
            <translation>请至少选择一个项目带出</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/change_survey_panel.py" line="95" />
            <source>choose the change-survey layer first</source>
            <translation>请先选择变更调查图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/operation_rules.py" line="97" />
            <source>chosen</source>
            <translation>人工选择</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="230" />
            <source>chosen from the implementation date {}</source>
            <translation>按实施日期 {} 自动选择</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="225" />
            <source>class '{}' is not cultivated land: nothing to write off</source>
            <translation>地类“{}”不是耕地：无需核销</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="793" />
            <source>class after</source>
            <translation>变化后地类</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="793" />
            <source>class before</source>
            <translation>变化前地类</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="224" />
            <source>class before is {} but the land survey shows {} on {:.1f}% of the plot</source>
            <translation>实施前地类为 {0}，但国土调查显示地块 {2:.1f}% 为 {1}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="234" />
            <source>class {} grade {}, fee {:,.0f} yuan</source>
            <translation>地类 {} 等别 {}，开垦费 {:,.0f} 元</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="74" />
            <source>closing_point_name must be 'next' or 'first'</source>
            <translation>closing_point_name 只能为 'next' 或 'first'</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="293" />
            <source>column {} is missing</source>
            <translation>缺少字段 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="253" />
            <source>column {} is missing (it was taken offline with the package)</source>
            <translation>缺少字段 {}（带出时数据包中有该字段）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="676" />
            <source>column(s) {} kept as attributes</source>
            <translation>字段 {} 作为属性保留</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_commitment.py" line="43" />
            <source>commitment</source>
            <translation>承诺</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="745" />
            <source>commitment date</source>
            <translation>承诺日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="683" />
            <source>commitment entry</source>
            <translation>承诺流水号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="742" />
            <source>commitment of {}</source>
            <translation>{} 的承诺</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="747" />
            <source>commitment: due date {} is before the commitment date {}</source>
            <translation>承诺：到期日 {} 早于承诺日期 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="741" />
            <source>commitment: project_code</source>
            <translation>承诺：项目编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="649" />
            <source>confirmation date</source>
            <translation>确认日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="635" />
            <source>confirmation of entry {}</source>
            <translation>流水 {} 的变更调查确认</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="466" />
            <source>confirms entry {} by the {} survey ({:.1f}%)</source>
            <translation>确认流水 {}，依据 {} 年变更调查（{:.1f}%）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/conflicts.py" line="180" />
            <source>conflict {} ({}) was resolved already by {} ({})</source>
            <translation>冲突 {}（{}）已由 {} 处理过（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/conflicts.py" line="163" />
            <source>conflict {}: choose 'home' or 'offline', not '{}'</source>
            <translation>冲突 {}：只能选择“home”（内业）或“offline”（外业），不能是“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/conflicts.py" line="165" />
            <source>conflict {}: say who resolves it</source>
            <translation>冲突 {}：请填写处理人</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/clip.py" line="34" />
            <source>constraint layer '{}': {} cannot be read</source>
            <translation>约束图层“{}”：无法读取 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/clip.py" line="37" />
            <source>constraint layer '{}': {} has no layer '{}'</source>
            <translation>约束图层“{}”：{} 中没有图层“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/clip.py" line="31" />
            <source>constraint layer '{}': {} not found</source>
            <translation>约束图层“{}”：找不到 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/clip.py" line="39" />
            <source>constraint layer '{}': {}|{} has no CRS; it cannot be clipped</source>
            <translation>约束图层“{}”：{}|{} 没有坐标参考系，无法裁切</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/constraint_set.py" line="194" />
            <source>constraint set of the QGIS project</source>
            <translation>QGIS 工程中的约束图层集</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="721" />
            <source>coordinates '{}, {}' do not follow the layout of the first point (line {}): {}</source>
            <translation>坐标“{}, {}”与第一个点（第 {} 行）的格式不一致：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="703" />
            <source>coordinates must be finite numbers, found {} and {}</source>
            <translation>坐标必须是有限数值，实为 {} 和 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="136" />
            <source>county {}: the balance would become {}, more than a balance may hold ({})</source>
            <translation>县 {}：余额将变为 {}，超过余额上限（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/integrity.py" line="118" />
            <source>county {}: the balance {} is not a whole number of 1/10000</source>
            <translation>县 {}：余额 {} 不是万分之一的整数倍</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/integrity.py" line="121" />
            <source>county {}: the balance {} is not the sum of its journal entries {}</source>
            <translation>县 {}：余额 {} 不等于其流水之和 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="504" />
            <source>county {}: the balance {} is not the sum of its movements {}</source>
            <translation>县 {}：余额 {} 不等于其变动之和 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="277" />
            <source>county {}: the reserve cannot cover the {}: {}{}</source>
            <translation>县 {}：储备不足以{}：{}{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/integrity.py" line="99" />
            <source>county {}: went below zero at entry {}: {}</source>
            <translation>县 {}：在流水 {} 处余额小于零：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="545" />
            <source>county_code</source>
            <translation>县级行政区代码</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="352" />
            <source>damaged geometry blob</source>
            <translation>几何数据已损坏</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="790" />
            <source>date of the change</source>
            <translation>变化日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/areas.py" line="168" />
            <source>declared area '{}' is not a number; computed {:.2f} m² = {:.4f} ha</source>
            <translation>申报面积“{}”不是数字；计算面积 {:.2f} 平方米 = {:.4f} 公顷</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/areas.py" line="191" />
            <source>declared {} ({}) does not match the computed area {:.2f} m² = {:.4f} ha (planar {:.2f} m²); difference {:.2f} m²</source>
            <translation>申报面积 {}（{}）与计算面积 {:.2f} 平方米 = {:.4f} 公顷（平面 {:.2f} 平方米）不符；相差 {:.2f} 平方米</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/areas.py" line="178" />
            <source>declared {} ha matches the computed area ({:.2f} m² = {:.4f} ha)</source>
            <translation>申报面积 {} 公顷与计算面积相符（{:.2f} 平方米 = {:.4f} 公顷）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/areas.py" line="181" />
            <source>declared {} is in {}, not hectares; it matches the computed area ({:.2f} m² = {:.4f} ha)</source>
            <translation>申报面积 {} 的单位是 {} 而非公顷；与计算面积相符（{:.2f} 平方米 = {:.4f} 公顷）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="153" />
            <source>delete plots of {}</source>
            <translation>删除 {} 的地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="157" />
            <source>delete project {}</source>
            <translation>删除项目 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="333" />
            <source>delete {} plots</source>
            <translation>删除 {} 个地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="81" />
            <source>deleted</source>
            <translation>已删除</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="26" />
            <source>deleted in the field</source>
            <translation>外业已删除</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="27" />
            <source>deleted in the office</source>
            <translation>内业已删除</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="283" />
            <source>deposit</source>
            <translation>入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="585" />
            <source>deposit of project {}</source>
            <translation>项目 {} 入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="597" />
            <source>deposit of project {}: the province share {} exceeds the credits {}</source>
            <translation>项目 {} 入库：省级分成 {} 超过了指标 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="744" />
            <source>due date</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="444" />
            <source>due {}</source>
            <translation>{} 到期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="52" />
            <source>e.g. the survey parcel's 标识码 (BSM)</source>
            <translation>如调查图斑的标识码（BSM）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="131" />
            <source>edit project {}</source>
            <translation>编辑项目 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="26" />
            <source>edited on both sides</source>
            <translation>内外业均有修改</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="161" />
            <source>empty</source>
            <translation>空</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="855" />
            <source>entry {} has been reversed already</source>
            <translation>流水 {} 已冲正</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/sqlite_backend.py" line="243" />
            <source>entry {}: changed or removed since the ledger was verified</source>
            <translation>流水 {}：在储备库校验之后被改动或删除</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/accounts.py" line="281" />
            <source>entry {}: confirms entry {}, which is not a deposit of its county waiting for its confirmation</source>
            <translation>流水 {}：确认的流水 {} 不是本县待变更调查确认的入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/accounts.py" line="299" />
            <source>entry {}: draws credits of {} that wait for their change-survey confirmation</source>
            <translation>流水 {}：动用了 {} 尚待变更调查确认的指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/sqlite_backend.py" line="248" />
            <source>entry {}: its hash does not match its content and the entry before it (changed, or an entry before it removed)</source>
            <translation>流水 {}：哈希值与其内容及前一条流水不符（已被改动，或其前的流水被删除）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/integrity.py" line="92" />
            <source>entry {}: its movements ({}) are not what the entry moves ({})</source>
            <translation>流水 {}：其变动（{}）与该流水应有的变动（{}）不符</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/integrity.py" line="104" />
            <source>entry {}: movements of an entry that is not in the journal</source>
            <translation>流水 {}：该流水已不在台账中，却仍有其变动记录</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/accounts.py" line="270" />
            <source>entry {}: plots of project {} credited already by entry {} (占补平衡 or 进出平衡, never both)</source>
            <translation>流水 {}：项目 {} 的地块已由流水 {} 计入（占补平衡与进出平衡只能计其一）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/accounts.py" line="293" />
            <source>entry {}: reverses the confirmation {} although its credits have been drawn</source>
            <translation>流水 {}：冲正确认 {}，但其指标已被动用</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="473" />
            <source>exempt: {}</source>
            <translation>不计入：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="627" />
            <source>expected 'key=value' in section [{}], found '{}'</source>
            <translation>[{}] 节中应为“键=值”，实为“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="458" />
            <source>expected 'key=value' or a [section] line in the header, found '{}'</source>
            <translation>表头中应为“键=值”或 [节名] 行，实为“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="520" />
            <source>expected a point line 'J1,1,X,Y', a parcel line ending in ',@' or a [section] line, found '{}'</source>
            <translation>应为界址点行“J1,1,X,Y”、以“,@”结尾的地块行或 [节名] 行，实为“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="534" />
            <source>expected a point line 'point name,ring number,X,Y' (4 fields), found {} field(s): '{}'</source>
            <translation>应为界址点行“点号,圈号,X,Y”（4 个字段），实有 {} 个字段：“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="669" />
            <source>expected a whole number of points (界址点数) in the 1st field, found '{}'</source>
            <translation>第 1 个字段应为整数界址点数，实为“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="552" />
            <source>expected a whole ring number (圈号) in the 2nd field, found '{}'</source>
            <translation>第 2 个字段应为整数圈号，实为“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="544" />
            <source>expected two numbers X,Y in the 3rd and 4th fields, found '{}' and '{}'</source>
            <translation>第 3、4 个字段应为 X、Y 两个数值，实为“{}”和“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="610" />
            <source>explanation block (lines {}–{}) skipped</source>
            <translation>已跳过说明块（第 {}–{} 行）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="285" />
            <source>farmland in (进出平衡 进)</source>
            <translation>进出平衡·进</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="285" />
            <source>farmland out (进出平衡 出)</source>
            <translation>进出平衡·出</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/qgis_io.py" line="236" />
            <source>feature '{}' has no polygon geometry</source>
            <translation>要素“{}”没有面几何</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/qgis_io.py" line="241" />
            <source>feature '{}' vanishes at the file's precision</source>
            <translation>要素“{}”在文件精度下消失</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="222" />
            <source>feature {}</source>
            <translation>要素 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/change_survey.py" line="99" />
            <source>feature {} of the change-survey layer '{}' has no year in '{}' ({})</source>
            <translation>变更调查图层“{1}”的要素 {0} 在字段“{2}”中没有年份（{3}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/in_out_survey.py" line="64" />
            <source>feature {} of the survey layer '{}' has no year in SJNF ({})</source>
            <translation>要素 {}（调查图层“{}”）的 SJNF 不是年份（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="353" />
            <source>fill {} plots from {}</source>
            <translation>从 {1} 生成 {0} 个地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="190" />
            <source>footprint</source>
            <translation>用地范围</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="128" />
            <source>from a footprint: {} parcels ({}), gross {:.4f} mu, 田坎 {:.4f} mu, net {:.4f} mu (可调整 {:.4f} mu); permanent basic farmland {:.4f} mu; fee {:,.0f} yuan</source>
            <translation>按用地范围计算：{} 个图斑（{}），毛面积 {:.4f} 亩，田坎 {:.4f} 亩，净面积 {:.4f} 亩（可调整 {:.4f} 亩）；永久基本农田 {:.4f} 亩；开垦费 {:,.0f} 元</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="232" />
            <source>grade {} is not in the yield table '{}'</source>
            <translation>等别 {} 不在产能表“{}”中</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="342" />
            <source>grade_system = '{}' is not one of {}</source>
            <translation>等别体系“{}”不在 {} 之中</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="269" />
            <source>grain capacity</source>
            <translation>粮食产能</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="73" />
            <source>grain capacity (kg)</source>
            <translation>粮食产能（公斤）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="22" />
            <source>grain capacity short by {:.1f} kg</source>
            <translation>粮食产能缺 {:.1f} 公斤</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_common.py" line="29" />
            <source>grain capacity {:,.1f} kg</source>
            <translation>粮食产能 {:,.1f} 公斤</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="237" />
            <source>ha</source>
            <translation>公顷</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="472" />
            <source>header key '{}' read as '{}'</source>
            <translation>表头键“{}”按“{}”读取</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="304" />
            <source>id {}</source>
            <translation>id {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="402" />
            <source>idempotency key</source>
            <translation>幂等键</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/profile_choice.py" line="76" />
            <source>implemented on {}</source>
            <translation>实施日期为 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/acceptance.py" line="111" />
            <source>implemented on {} with funding {} ({}): rule profile {} does not allow it for the balance</source>
            <translation>实施日期 {}，资金来源为{}（{}）：按{}不能用于占补平衡</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="265" />
            <source>in {} / out {} {}</source>
            <translation>进 {} / 出 {} {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="410" />
            <source>inside</source>
            <translation>在地块内</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/postgres_backend.py" line="62" />
            <source>installing the ledger schema failed: {}</source>
            <translation>安装储备库结构失败：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="177" />
            <source>invalid feature geometries repaired for the check: {}</source>
            <translation>检查时已修复无效的要素几何：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="180" />
            <source>it follows the workflow of {}: it is deposited at its step {} in Workflow…, after the steps before it</source>
            <translation>该项目执行 {} 的流程：须在“流程…”中依次办理前序步骤后，在 {} 步骤入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/acceptance.py" line="106" />
            <source>it has no credits to deposit</source>
            <translation>没有可入库的指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="176" />
            <source>it is accepted already</source>
            <translation>项目已验收</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="245" />
            <source>it is not accepted</source>
            <translation>项目尚未验收</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="125" />
            <source>its PostGIS database cannot be asked for a ledger: {}</source>
            <translation>无法向其 PostGIS 数据库查询储备库：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/acceptance.py" line="97" />
            <source>its credits could not be computed: {}</source>
            <translation>无法计算其指标：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/acceptance.py" line="94" />
            <source>its plots have unsaved edits: save them first, so that what is deposited is what is stored</source>
            <translation>其地块有未保存的编辑：请先保存，使入库的指标与已保存的地块一致</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="331" />
            <source>journal entry</source>
            <translation>流水号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="34" />
            <source>kept office version</source>
            <translation>已保留内业版本</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="237" />
            <source>kg</source>
            <translation>公斤</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="222" />
            <source>kind</source>
            <translation>流水类型</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="191" />
            <source>land survey</source>
            <translation>国土调查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/layer_resolution.py" line="122" />
            <source>land-survey layer '{}' has no field '{}'</source>
            <translation>国土调查图层“{}”没有字段“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/layer_resolution.py" line="148" />
            <source>layer '{}' cannot be read ({})</source>
            <translation>图层“{}”无法读取（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/layer_resolution.py" line="95" />
            <source>layer '{}' has no coordinate reference system</source>
            <translation>图层“{}”没有坐标参考系</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/layer_resolution.py" line="98" />
            <source>layer '{}' is a raster; only a slope DEM may be a raster</source>
            <translation>图层“{}”是栅格；只有坡度 DEM 可以是栅格</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/layer_resolution.py" line="110" />
            <source>layer '{}' is empty</source>
            <translation>图层“{}”为空</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/layer_resolution.py" line="91" />
            <source>layer '{}' is missing from the project</source>
            <translation>图层“{}”不在工程中</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/layer_resolution.py" line="108" />
            <source>layer '{}' is not a polygon layer</source>
            <translation>图层“{}”不是面图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/messages.py" line="14" />
            <source>line {}</source>
            <translation>第 {} 行</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="288" />
            <source>merge {} plots</source>
            <translation>合并 {} 个地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/report.py" line="60" />
            <source>met</source>
            <translation>平衡</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/report.py" line="67" />
            <source>movements and balances re-derived from the journal</source>
            <translation>已按流水重新推算变动与余额</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="261" />
            <source>mu</source>
            <translation>亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="829" />
            <source>neither 带号 nor the eastings give the zone; zone {} as chosen by the user</source>
            <translation>带号和东坐标均未给出投影带；按用户选择使用第 {} 带</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/plots.py" line="27" />
            <source>new farmland</source>
            <translation>新增耕地</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="185" />
            <source>new farmland may not be created inside the ecological red line</source>
            <translation>生态保护红线内不得新增耕地</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/in_out_survey.py" line="94" />
            <source>newer survey</source>
            <translation>后期调查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="94" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="234" />
            <source>no GDDB/GDDJ: the default grade {} taken</source>
            <translation>无 GDDB/GDDJ：采用默认等别 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="851" />
            <source>no Gauss-Krüger CRS for this header: {}</source>
            <translation>该表头没有对应的高斯-克吕格坐标系：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/areas.py" line="165" />
            <source>no area declared; computed {:.2f} m² = {:.4f} ha</source>
            <translation>未申报面积；计算面积 {:.2f} 平方米 = {:.4f} 公顷</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="128" />
            <source>no conflict</source>
            <translation>无冲突</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/project_check.py" line="83" />
            <source>no conflict with the constraint layers</source>
            <translation>与约束图层无冲突</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="125" />
            <source>no constraint layer is configured</source>
            <translation>未设置约束图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/change_survey.py" line="112" />
            <source>no feature of the change survey lies under the plot</source>
            <translation>地块范围内没有变更调查图斑</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="228" />
            <source>no implementation date yet: the rules of today</source>
            <translation>尚无实施日期：执行现行规则</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="138" />
            <source>no index</source>
            <translation>无索引</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/__init__.py" line="77" />
            <source>no ledger given: a GeoPackage path or a PostgreSQL connection name is needed</source>
            <translation>未指定储备库：需要 GeoPackage 路径或 PostgreSQL 连接名称</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="409" />
            <source>no overlap</source>
            <translation>无重叠</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="426" />
            <source>no parcel found: expected a [地块坐标] section with parcel lines ending in ',@'</source>
            <translation>未找到地块：应有 [地块坐标] 节及以“,@”结尾的地块行</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="135" />
            <source>no reserve ledger is chosen: open one in the ledger dock</source>
            <translation>未选择储备库：请在储备库面板中打开储备库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="798" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="396" />
            <source>none: the whole reserve is usable</source>
            <translation>无：储备指标全部可用</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/gpkg.py" line="26" />
            <source>not a GeoPackage geometry blob</source>
            <translation>不是 GeoPackage 几何数据</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="122" />
            <source>not a list of project codes</source>
            <translation>不是项目编号列表</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="189" />
            <source>not allowed</source>
            <translation>不允许</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/project_check.py" line="65" />
            <source>not checked</source>
            <translation>未核查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/project_check.py" line="44" />
            <source>not checked: {}</source>
            <translation>未检查：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/plots.py" line="28" />
            <source>not creditable</source>
            <translation>不可计入指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="152" />
            <source>not exported: {}</source>
            <translation>未导出：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/report.py" line="60" />
            <source>not met: more 耕地 out than in</source>
            <translation>不平衡：耕地流出多于流入</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="386" />
            <source>not reviewed</source>
            <translation>未核查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="88" />
            <source>not reviewed yet</source>
            <translation>尚未核查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/report.py" line="73" />
            <source>not verified: {}</source>
            <translation>未通过校验：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="554" />
            <source>note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="315" />
            <source>nothing to write: no parcels</source>
            <translation>没有可写的内容：无地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/in_out_survey.py" line="94" />
            <source>older survey</source>
            <translation>前期调查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="33" />
            <source>open</source>
            <translation>待决定</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/_offline_home.py" line="18" />
            <source>or PostGIS: QGIS connection name or PostgreSQL URI</source>
            <translation>或 PostGIS：QGIS 连接名或 PostgreSQL URI</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="410" />
            <source>outside</source>
            <translation>在地块外</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="126" />
            <source>package version {} is newer than this plugin understands ({}); update the plugin</source>
            <translation>数据包版本 {} 高于本插件支持的版本（{}）；请更新插件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="269" />
            <source>paddy</source>
            <translation>水田</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="74" />
            <source>paddy (mu)</source>
            <translation>水田（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="24" />
            <source>paddy short by {:.4f} mu</source>
            <translation>水田缺 {:.4f} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_common.py" line="31" />
            <source>paddy {:,.4f} mu</source>
            <translation>水田 {:,.4f} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="687" />
            <source>parcel '{}' has no point lines: expected 'J1,1,X,Y' lines after its parcel line</source>
            <translation>地块“{}”没有界址点行：地块行后应有“J1,1,X,Y”行</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="162" />
            <source>parcel '{}' has no polygon geometry</source>
            <translation>地块“{}”没有面几何</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="191" />
            <source>parcel '{}': the template '{}' has fixed columns; extra attribute fields cannot be added</source>
            <translation>地块“{}”：模板“{}”的字段固定，不能追加附加属性字段</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="152" />
            <source>parcel '{}': the {} '{}' contains a comma or a line break, which the format cannot hold</source>
            <translation>地块“{}”：{}“{}”含逗号或换行，本格式无法容纳</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="284" />
            <source>parcel '{}': {} '{}' has the character '{}' that {} cannot hold; choose UTF-8 or GB18030</source>
            <translation>地块“{}”：{}“{}”含 {} 无法表示的字符“{}”；请选择 UTF-8 或 GB18030</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="237" />
            <source>parcel {} ({}): no grade (GDDB or GDDJ) and no default grade: its capacity is not computed</source>
            <translation>图斑 {}（{}）：无等别（GDDB 或 GDDJ）且未给默认等别，未计算其产能</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="240" />
            <source>parcel {} ({}): rule profile {} has no yield for {} grade {}</source>
            <translation>图斑 {}（{}）：规则配置 {} 没有 {} 第 {} 等的产量</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/in_out_survey.py" line="151" />
            <source>parcel {}: no grade (GDDB or GDDJ): its capacity is not counted</source>
            <translation>图斑 {}：无等别（GDDB 或 GDDJ），不计其产能</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="196" />
            <source>permanent basic farmland</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/accounts.py" line="144" />
            <source>plot code</source>
            <translation>地块编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="238" />
            <source>plot fid {}: not found</source>
            <translation>地块 fid {}：未找到</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="248" />
            <source>plot fid {}: the geometry could not be changed</source>
            <translation>地块 fid {}：无法修改图形</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="290" />
            <source>plot fid {}: the merged geometry could not be stored</source>
            <translation>地块 fid {}：无法保存合并后的图形</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/conflicts.py" line="192" />
            <source>plot {}</source>
            <translation>地块 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/conflicts.py" line="197" />
            <source>plot {} changed in the office after the merge found the conflict; save or undo that edit, then resolve again</source>
            <translation>地块 {} 在合并发现冲突后又在内业被修改；请先保存或撤销该修改，再重新处理</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="266" />
            <source>plot {}: could not be added</source>
            <translation>地块 {}：无法添加</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="244" />
            <source>plot {}: {}; it cannot be repaired automatically, redraw it</source>
            <translation>地块 {}：{}；无法自动修复，请重新绘制</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="282" />
            <source>plots of different projects cannot be merged ({})</source>
            <translation>不同项目的地块不能合并（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="475" />
            <source>plots {}</source>
            <translation>地块 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="746" />
            <source>points lie up to {:.0f} km from the central meridian of zone {}: is the zone right?</source>
            <translation>界址点距第 {1} 带中央经线最远达 {0:.0f} 千米：带号是否正确？</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="185" />
            <source>price per mu</source>
            <translation>每亩价格</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="267" />
            <source>price per mu '{}' should be a number ≥ 0</source>
            <translation>每亩价格“{}”应为不小于 0 的数字</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="261" />
            <source>pricing '{}' should be 'capped' or 'bid'</source>
            <translation>定价方式“{}”应为 capped（限价）或 bid（竞价）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="879" />
            <source>project code</source>
            <translation>项目编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="826" />
            <source>project name</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/conflicts.py" line="222" />
            <source>project {}</source>
            <translation>项目 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/conflicts.py" line="237" />
            <source>project {} changed in the office after the merge found the conflict; look at it again, then resolve</source>
            <translation>项目 {} 在合并发现冲突后又在内业被修改；请重新查看后再处理</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="613" />
            <source>project {} has been deposited already</source>
            <translation>项目 {} 已入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/change_survey_panel.py" line="99" />
            <source>project {} has no plots to check</source>
            <translation>项目 {} 没有可核实的地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/change_survey_panel.py" line="92" />
            <source>project {} has not been accepted yet: there is no acceptance year to compare the survey with</source>
            <translation>项目 {} 尚未验收：没有可与调查年份比较的验收年份</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/store.py" line="166" />
            <source>project {} is '{}' under {}: its rule profile is fixed once it has been accepted</source>
            <translation>项目 {0} 在 {2} 下已为“{1}”：验收后规则配置不能再改</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="147" />
            <source>project {} is in '{}' already</source>
            <translation>项目 {} 已处于“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/conflicts.py" line="241" />
            <source>project {} is no longer in the office database</source>
            <translation>项目 {} 已不在内业数据库中</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="136" />
            <source>project {} is now '{}', not '{}': reload it and try again</source>
            <translation>项目 {} 当前为“{}”，不是“{}”：请刷新后重试</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/conflicts.py" line="257" />
            <source>project {} still has {} plots in the office; delete or move them first</source>
            <translation>项目 {} 在内业仍有 {} 个地块；请先删除或移走这些地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="137" />
            <source>project {}: '{}' could not be changed</source>
            <translation>项目 {}：无法修改“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="140" />
            <source>project {}: '{}' is not a state of the workflow of rule profile {} ({})</source>
            <translation>项目 {}：“{}”不是规则配置 {} 流程中的状态（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/profile_choice.py" line="109" />
            <source>project {}: a reason is required to choose the rule profile '{}' instead of the one its dates give</source>
            <translation>项目 {}：不按实施日期而改用规则配置“{}”，须填写理由</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="369" />
            <source>project {}: a step that deposits or reverses credits is taken from the project dock (Workflow…)</source>
            <translation>项目 {}：入库或冲正指标的步骤须从项目面板（流程…）办理</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="166" />
            <source>project {}: cannot be used for the balance under rule profile '{}': {}</source>
            <translation>项目 {}：按规则配置“{}”不能用于占补平衡：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="154" />
            <source>project {}: county_code</source>
            <translation>项目 {}：县级行政区代码</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="151" />
            <source>project {}: from '{}' the next step is '{}', not '{}' (the steps of {} go one at a time)</source>
            <translation>项目 {}：“{}”的下一步是“{}”，不是“{}”（{} 的流程须逐步办理）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="189" />
            <source>project {}: implemented_on</source>
            <translation>项目 {}：实施日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="155" />
            <source>project {}: its plots could not be deleted</source>
            <translation>项目 {}：无法删除其地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="143" />
            <source>project {}: its status '{}' is not a state of rule profile {} ({}); choose the profile it was accepted under, with a reason</source>
            <translation>项目 {}：其状态“{}”不属于规则配置 {}（{}）；请选择其验收时执行的规则配置并填写理由</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/store.py" line="169" />
            <source>project {}: its status '{}' is not a state of the workflow of {} ({})</source>
            <translation>项目 {}：其状态“{}”不属于 {} 的流程（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="173" />
            <source>project {}: negative credits {}</source>
            <translation>项目 {}：指标为负数 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="169" />
            <source>project {}: no credits computed</source>
            <translation>项目 {}：尚未计算指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="150" />
            <source>project {}: not found</source>
            <translation>项目 {}：未找到</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/store.py" line="68" />
            <source>project {}: not found in the project database</source>
            <translation>项目 {}：项目数据库中没有该项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/profile_choice.py" line="106" />
            <source>project {}: rule profile '{}' is not known (known: {})</source>
            <translation>项目 {}：未知的规则配置“{}”（已有：{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="159" />
            <source>project {}: status is '{}', only an accepted (验收) project can be deposited</source>
            <translation>项目 {}：状态为“{}”，只有已验收的项目才能入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="161" />
            <source>project {}: status is '{}'; under rule profile '{}' a project is deposited at its '{}' step (入库)</source>
            <translation>项目 {}：状态为“{}”；按规则配置“{}”，项目在其“{}”步骤（入库）时入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="182" />
            <source>project {}: the aftercare until-date {} is before the acceptance {}</source>
            <translation>项目 {}：后期管护截止日期 {} 早于验收日期 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="129" />
            <source>project {}: the code cannot be changed here (plots refer to it)</source>
            <translation>项目 {}：此处不能修改编号（地块引用该编号）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="104" />
            <source>project {}: the code is used already</source>
            <translation>项目 {}：编号已被使用</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="152" />
            <source>project {}: the credits given are those of project {}</source>
            <translation>项目 {}：给出的指标属于项目 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="203" />
            <source>project {}: the end date {} is before the step date {}</source>
            <translation>项目 {}：截止日期 {} 早于办理日期 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="175" />
            <source>project {}: the project has no credits to deposit</source>
            <translation>项目 {}：该项目没有可入库的指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="135" />
            <source>project {}: the projects table has no field '{}'</source>
            <translation>项目 {}：项目表没有字段“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="111" />
            <source>project {}: the projects table has no field {}</source>
            <translation>项目 {}：项目表没有字段 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="116" />
            <source>project {}: the row could not be added</source>
            <translation>项目 {}：无法添加记录</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="159" />
            <source>project {}: the row could not be deleted</source>
            <translation>项目 {}：无法删除记录</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/profile_choice.py" line="96" />
            <source>project {}: the rule profile '{}' was set without a reason</source>
            <translation>项目 {}：规则配置“{}”未填写理由</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="160" />
            <source>project {}: the step date {} is before the project's last step ({})</source>
            <translation>项目 {}：办理日期 {} 早于上一步（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="158" />
            <source>project {}: the step date {} is in the future</source>
            <translation>项目 {}：办理日期 {} 晚于今天</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="197" />
            <source>project {}: the step {} needs a reference (文号)</source>
            <translation>项目 {}：{} 须填写文号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="200" />
            <source>project {}: the step {} needs an end date (e.g. the end of the publicity)</source>
            <translation>项目 {}：{} 须填写截止日期（如公示结束日期）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="194" />
            <source>project {}: the step {} needs the accepting unit of the {} ({})</source>
            <translation>项目 {}：{} 须填写{}的验收单位（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="164" />
            <source>project {}: who takes the step '{}' is missing</source>
            <translation>项目 {}：未填写“{}”的办理人</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="86" />
            <source>project {}: {} '{}' is not a date (YYYY-MM-DD)</source>
            <translation>项目 {}：{}“{}”不是日期（YYYY-MM-DD）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/profile_choice.py" line="77" />
            <source>project {}: {} rule profiles apply to a project {} ({}); the 'applies' dates of the profiles must not overlap or leave gaps</source>
            <translation>项目 {}：有 {} 个规则配置适用于{}的项目（{}）；各规则配置的适用日期（applies）不得重叠或留空档</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="150" />
            <source>project_code is missing</source>
            <translation>缺少项目编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="880" />
            <source>proposal</source>
            <translation>建议</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="877" />
            <source>proposal kind</source>
            <translation>建议类型</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="237" />
            <source>province reserve {} now {}</source>
            <translation>省级储备 {} 现为 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="594" />
            <source>province share of project {}</source>
            <translation>项目 {} 的省级分成</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="122" />
            <source>province share {} is not between 0 and 1</source>
            <translation>省级分成比例 {} 不在 0 与 1 之间</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="845" />
            <source>reason for the reversal</source>
            <translation>冲正原因</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="265" />
            <source>reference {}</source>
            <translation>文号 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="142" />
            <source>rename project {}</source>
            <translation>重命名项目 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="268" />
            <source>reopen project {}</source>
            <translation>重新打开项目 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/acceptance.py" line="184" />
            <source>reopened: {}</source>
            <translation>重新打开：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="246" />
            <source>repair plot {}</source>
            <translation>修复地块 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="284" />
            <source>reversal</source>
            <translation>冲正</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="848" />
            <source>reversal date</source>
            <translation>冲正日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="860" />
            <source>reversal of the confirmation {}: its credits have been drawn (the reserve of {} holds {}, less than the {} that would wait again)</source>
            <translation>冲正确认 {}：其指标已被动用（{} 的储备为 {}，少于将重新待确认的 {}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="847" />
            <source>reversal: a reason is required</source>
            <translation>冲正：必须填写原因</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="844" />
            <source>reversal: entry {} is itself a reversal; record a new operation instead</source>
            <translation>冲正：流水 {} 本身就是冲正，请改为登记一笔新的业务</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="842" />
            <source>reversal: journal entry {} does not exist</source>
            <translation>冲正：流水 {} 不存在</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="45" />
            <source>review passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="45" />
            <source>review returned</source>
            <translation>退回</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="556" />
            <source>ring {} continues after it closed; read the points from here as a new ring</source>
            <translation>第 {} 圈闭合后仍有点；自此处起按新的一圈读取</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="878" />
            <source>ring {} of parcel '{}' has {} distinct point(s): a ring needs at least 3</source>
            <translation>地块“{1}”的第 {0} 圈只有 {2} 个不同的点：一圈至少需要 3 个</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="872" />
            <source>ring {} of parcel '{}' was not closed; closed it with its first point</source>
            <translation>地块“{1}”的第 {0} 圈未闭合；已用其首点闭合</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="229" />
            <source>rule profile '{}' has no yield table for '{}'</source>
            <translation>规则配置“{}”没有“{}”的产能表</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/in_out_survey.py" line="93" />
            <source>rule profile {} keeps no 进出平衡 account (in_out_balance)</source>
            <translation>规则配置 {} 没有进出平衡账（in_out_balance）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="574" />
            <source>rule profile: {}</source>
            <translation>规则配置：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="215" />
            <source>search text</source>
            <translation>搜索文字</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="278" />
            <source>select at least two plots to merge</source>
            <translation>请至少选择两个地块进行合并</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="710" />
            <source>seller county</source>
            <translation>调出县</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="226" />
            <source>set by hand: {}</source>
            <translation>人工指定：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="69" />
            <source>shape only</source>
            <translation>仅图形不同</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="187" />
            <source>slope above {:g}°</source>
            <translation>坡度大于 {:g}°</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/layer_resolution.py" line="116" />
            <source>slope layer '{}' has no field '{}'</source>
            <translation>坡度图层“{}”没有字段“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="309" />
            <source>slope level {} from {}</source>
            <translation>坡度级别 {}，取自{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="300" />
            <source>slope level {} from {} on {} ({:.1f}% of the plot)</source>
            <translation>坡度级别 {}（取自{}），面积 {}（占地块 {:.1f}%）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="306" />
            <source>split plots</source>
            <translation>分割地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="71" />
            <source>status '{}' is not one of {}</source>
            <translation>状态“{}”不在 {} 之中</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="28" />
            <source>status for the office to decide</source>
            <translation>状态须由内业决定</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/project_actions.py" line="114" />
            <source>status of {}</source>
            <translation>{} 的状态</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="215" />
            <source>survey {} → {}: parcel {} → {}</source>
            <translation>调查 {} → {}：图斑 {} → {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/errors.py" line="31" />
            <source>table {}, row {}: {}</source>
            <translation>表 {}，行 {}：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="107" />
            <source>the CRS {} is not a CGCS2000 or Xian 1980 Gauss-Krüger zone, which the coordinate file needs; reproject the parcels to the zone they lie in (EPSG:4513–4554 for CGCS2000)</source>
            <translation>坐标系 {} 不是坐标文件所需的 CGCS2000 或西安 1980 高斯-克吕格投影带；请将地块重投影到其所在的投影带（CGCS2000 为 EPSG:4513–4554）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="104" />
            <source>the CRS {} is not a CGCS2000 or Xian 1980 Gauss-Krüger zone, which the coordinate file needs; reproject the parcels, e.g. to {}</source>
            <translation>坐标系 {} 不是坐标文件所需的 CGCS2000 或西安 1980 高斯-克吕格投影带；请重投影地块，例如到 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/layer_resolution.py" line="102" />
            <source>the DEM '{}' cannot be turned into slope ({})</source>
            <translation>无法由 DEM“{}”计算坡度（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="127" />
            <source>the PostGIS database {} has no reserve ledger (schema dg_ledger): choose a ledger in the ledger dock</source>
            <translation>PostGIS 数据库 {} 中没有储备库（模式 dg_ledger）：请在储备库面板中选择储备库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/postgres_backend.py" line="33" />
            <source>the PostGIS ledger needs the Python package psycopg2 (Debian: python3-psycopg2)</source>
            <translation>PostGIS 储备库需要 Python 包 psycopg2（Debian：python3-psycopg2）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="453" />
            <source>the [地块坐标] line is missing; parcels start here</source>
            <translation>缺少 [地块坐标] 行；地块从此处开始</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="464" />
            <source>the [属性描述] line is missing; reading the header without it</source>
            <translation>缺少 [属性描述] 行；表头照常读取</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="179" />
            <source>the aftercare until-date</source>
            <translation>后期管护截止日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/gpkg.py" line="33" />
            <source>the blob is shorter than its header</source>
            <translation>几何数据比其数据头还短（已损坏）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="608" />
            <source>the block 【 that starts here is not closed with 】</source>
            <translation>从此处开始的【块没有以】结束</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/change_survey.py" line="113" />
            <source>the change survey under the plot is of {}; a survey of {} or later is needed</source>
            <translation>地块下的变更调查为 {} 年；须为 {} 年或以后的调查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/change_survey.py" line="57" />
            <source>the change-survey layer '{}' has no coordinate reference system</source>
            <translation>变更调查图层“{}”没有坐标参考系</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/change_survey.py" line="62" />
            <source>the change-survey layer '{}' has no field '{}'</source>
            <translation>变更调查图层“{}”没有字段“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/change_survey.py" line="55" />
            <source>the change-survey layer '{}' is not a polygon layer</source>
            <translation>变更调查图层“{}”不是面图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/change_survey.py" line="53" />
            <source>the change-survey layer cannot be read</source>
            <translation>无法读取变更调查图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="287" />
            <source>the character '{}' cannot be written in {}; choose UTF-8 or GB18030</source>
            <translation>字符“{}”无法以 {} 写出；请选择 UTF-8 或 GB18030</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/acceptance.py" line="101" />
            <source>the constraint check is blocking: {}</source>
            <translation>约束检查不通过：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/acceptance.py" line="87" />
            <source>the county code (县级行政区代码) is missing</source>
            <translation>缺少县级行政区代码</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/acceptance.py" line="89" />
            <source>the county code {} is not a 6-digit administrative code</source>
            <translation>县级行政区代码 {} 不是 6 位行政区划代码</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="812" />
            <source>the easting {} carries zone {} but the first point's carries zone {}, and no 带号 says which zone the file is in; give the zone</source>
            <translation>东坐标 {} 前的带号为 {}，但第一个点的为 {}，且没有带号说明文件所在的投影带；请指定带号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="845" />
            <source>the eastings carry no zone number in front; zone {} assumed as chosen by the user</source>
            <translation>东坐标前没有带号；按用户选择取第 {} 带</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="842" />
            <source>the eastings carry no zone number in front; zone {} assumed from {}</source>
            <translation>东坐标前没有带号；按{1}取第 {0} 带</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="818" />
            <source>the eastings carry zones {} and {} in front; zone {} as chosen by the user</source>
            <translation>东坐标前的带号有 {} 和 {}；按用户指定采用第 {} 带</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="906" />
            <source>the ellipsoidal area could not be computed (coordinates outside the zone); planar areas used</source>
            <translation>无法计算椭球面积（坐标超出投影带）；改用平面面积</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="174" />
            <source>the end date</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="246" />
            <source>the exported attributes are not readable</source>
            <translation>带出时的属性无法读取</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="192" />
            <source>the exported geometry: {}</source>
            <translation>带出时的几何图形：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="197" />
            <source>the exported version does not match its hash</source>
            <translation>带出时的版本与其哈希值不符（已被改动或损坏）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="140" />
            <source>the file cannot be read ({})</source>
            <translation>文件无法读取（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="163" />
            <source>the file is damaged (SQLite integrity check: {})</source>
            <translation>文件已损坏（SQLite 完整性检查：{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="276" />
            <source>the file starts with a UTF-16 byte-order mark but is not valid UTF-16</source>
            <translation>文件以 UTF-16 BOM 开头，但不是有效的 UTF-16</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="269" />
            <source>the file starts with a UTF-8 byte-order mark but byte 0x{:02X} is not UTF-8</source>
            <translation>文件以 UTF-8 BOM 开头，但字节 0x{:02X} 不是 UTF-8</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="173" />
            <source>the footprint layer '{}' has no polygon{}</source>
            <translation>用地范围图层“{}”没有多边形{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/gpkg.py" line="68" />
            <source>the geometry cannot be read (damaged WKB)</source>
            <translation>几何图形无法读取（WKB 已损坏）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/gpkg.py" line="59" />
            <source>the geometry is a {}, not a 2D polygon</source>
            <translation>几何类型为 {}，不是二维面</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="896" />
            <source>the geometry of parcel '{}' is not valid: {}</source>
            <translation>地块“{}”的几何无效：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="222" />
            <source>the geometry: {}</source>
            <translation>几何图形：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/acceptance.py" line="92" />
            <source>the implementation date (实施日期) is missing</source>
            <translation>缺少实施日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="228" />
            <source>the land survey agrees ({} on {:.1f}% of the plot)</source>
            <translation>与国土调查一致（地块 {1:.1f}% 为 {0}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="205" />
            <source>the land survey does not cover the plot</source>
            <translation>国土调查数据未覆盖该地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="194" />
            <source>the land survey layer '{}' has no field DLBM (地类编码)</source>
            <translation>国土调查图层“{}”没有 DLBM（地类编码）字段</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="219" />
            <source>the land survey shows cultivated land ({}) on {} ({:.1f}%) of a plot claimed as new farmland</source>
            <translation>申报为新增耕地的地块中，国土调查显示 {} 耕地 {}（{:.1f}%）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="288" />
            <source>the land survey's GDPDJB</source>
            <translation>国土调查的耕地坡度级别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="159" />
            <source>the last step date</source>
            <translation>上一步日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/qgis_io.py" line="184" />
            <source>the layer's CRS ({}) is not a CGCS2000 or Xian 1980 Gauss-Krüger zone, which the coordinate file needs; reproject it{}</source>
            <translation>图层坐标系（{}）不是坐标文件所需的 CGCS2000 或西安 1980 高斯-克吕格投影带；请重投影{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="197" />
            <source>the ledger holds its deposit already (entry {}): reopen the project to reverse it</source>
            <translation>储备库中已有该项目的入库（流水号 {}）：如需更正，请重新打开项目以冲正</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/__init__.py" line="80" />
            <source>the ledger name {} holds a NUL character</source>
            <translation>储备库名称 {} 含有 NUL 字符</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="328" />
            <source>the line does not split any selected plot (it must cross it completely)</source>
            <translation>该线未分割任何选中的地块（必须完全穿过地块）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="285" />
            <source>the merged geometry is empty</source>
            <translation>合并后的图形为空</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="292" />
            <source>the merged plots could not be deleted</source>
            <translation>无法删除被合并的地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/in_out_survey.py" line="97" />
            <source>the older survey '{}' is of {}, not older than the newer one '{}' of {}</source>
            <translation>前期调查“{}”为 {} 年，不早于后期调查“{}”的 {} 年</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="645" />
            <source>the parcel line has {} fields but the field-name list on line {} names {}</source>
            <translation>地块行有 {} 个字段，但第 {} 行的字段名行列出 {} 个</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="74" />
            <source>the photo changed while it was being merged</source>
            <translation>照片在合并过程中被修改</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="322" />
            <source>the photo's bytes do not match its SHA-256</source>
            <translation>照片内容与其 SHA-256 哈希值不符</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="71" />
            <source>the plot geometry is invalid: {} (repaired for the check)</source>
            <translation>地块几何图形无效：{}（检查时已修复）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/change_survey.py" line="90" />
            <source>the plot has no area</source>
            <translation>地块面积为零</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="66" />
            <source>the plot has no geometry</source>
            <translation>地块没有几何图形</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="331" />
            <source>the plot has no project code</source>
            <translation>地块没有项目编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="84" />
            <source>the plot has no usable geometry</source>
            <translation>地块没有可用的几何图形</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="94" />
            <source>the plot is {:.1f} m², below the minimum mapping area of {:.0f} m²</source>
            <translation>地块面积 {:.1f} 平方米，小于最小上图面积 {:.0f} 平方米</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/engine.py" line="103" />
            <source>the plot layer has no coordinate reference system</source>
            <translation>地块图层没有坐标参考系</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/engine.py" line="70" />
            <source>the plot layer has no coordinate reference system: nothing can be checked</source>
            <translation>地块图层没有坐标参考系：无法检查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="279" />
            <source>the plot's 耕地坡度级别</source>
            <translation>地块自身的耕地坡度级别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="335" />
            <source>the plots could not be deleted</source>
            <translation>无法删除地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="265" />
            <source>the project code is used twice</source>
            <translation>项目编号重复</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="267" />
            <source>the project stays accepted</source>
            <translation>项目保持已验收状态</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="159" />
            <source>the projects table has unsaved edits: save or discard them first</source>
            <translation>项目表有未保存的编辑：请先保存或放弃</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="315" />
            <source>the record has no project code</source>
            <translation>记录没有项目编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="308" />
            <source>the record has no uuid</source>
            <translation>记录没有 uuid</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="217" />
            <source>the reserve ledger refused the deposit, the status is unchanged: {}</source>
            <translation>储备库拒绝入库，项目状态未改变：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="272" />
            <source>the reserve ledger refused to reverse its deposit, the project stays accepted: {}</source>
            <translation>储备库拒绝冲正其入库，项目仍为已验收：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="202" />
            <source>the reserve ledger refuses the deposit: {}</source>
            <translation>储备库不接受入库：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="139" />
            <source>the reserve ledger {} cannot be opened: {}</source>
            <translation>无法打开储备库 {}：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/acceptance.py" line="173" />
            <source>the reserve of {} holds {}, less than its deposit {} (used meanwhile): the reserve must cover the reversal</source>
            <translation>{} 的储备库现有 {}，少于该项目入库的 {}（其间已被使用）：储备库须足以冲正</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="889" />
            <source>the rings of parcel '{}' do not make a polygon: {}</source>
            <translation>地块“{}”的各圈无法构成面：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/acceptance.py" line="100" />
            <source>the status could not be put back ({}): set it back in Workflow…</source>
            <translation>状态未能恢复（{}）：请在“流程…”中改回</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/steps.py" line="155" />
            <source>the step date</source>
            <translation>办理日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="167" />
            <source>the table is missing</source>
            <translation>缺少该表</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="285" />
            <source>the text is UTF-8 up to here, but byte 0x{:02X} is not UTF-8: the file is damaged or mixes encodings</source>
            <translation>此前的文本为 UTF-8，但字节 0x{:02X} 不是 UTF-8：文件已损坏或混用了编码</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="291" />
            <source>the text is neither UTF-8 nor GBK/GB18030 (byte 0x{:02X}); choose the encoding by hand</source>
            <translation>文本既不是 UTF-8 也不是 GBK/GB18030（字节 0x{:02X}）；请手动选择编码</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="311" />
            <source>the uuid is used twice</source>
            <translation>uuid 重复</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="116" />
            <source>the value is missing</source>
            <translation>缺少该值</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="833" />
            <source>the zone is unknown: 带号 is empty and the eastings carry no zone number; give the zone</source>
            <translation>投影带未知：带号为空且东坐标前无带号；请指定投影带</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="184" />
            <source>the {} layer '{}' has no coordinate reference system</source>
            <translation>{}图层“{}”没有坐标参照系</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/in_out_survey.py" line="85" />
            <source>the {} layer '{}' has no field {}</source>
            <translation>{}图层“{}”没有字段 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="182" />
            <source>the {} layer '{}' is not a polygon layer</source>
            <translation>{}图层“{}”不是面图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/writeoff_calculator.py" line="180" />
            <source>the {} layer cannot be read</source>
            <translation>无法读取{}图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="449" />
            <source>this commitment has been written off already</source>
            <translation>该承诺已核销</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="454" />
            <source>this deposit has been confirmed already</source>
            <translation>该入库已经确认</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="447" />
            <source>this entry has been reversed already</source>
            <translation>该流水已冲正</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="445" />
            <source>this project has been deposited already</source>
            <translation>该项目已入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="190" />
            <source>to be reviewed</source>
            <translation>需复核</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="46" />
            <source>to verify on site</source>
            <translation>待核</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="765" />
            <source>today</source>
            <translation>今天</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/conflict_panel.py" line="34" />
            <source>took field version</source>
            <translation>已采用外业版本</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="284" />
            <source>transfer</source>
            <translation>调剂</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="720" />
            <source>transfer date</source>
            <translation>调剂日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="728" />
            <source>transfer from {}</source>
            <translation>从 {} 调出</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="192" />
            <source>transfer: price per mu {} should be a number from 0 to {:,.0f} yuan</source>
            <translation>调剂：每亩价格 {} 应为 0 至 {:,.0f} 元之间的数字</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="713" />
            <source>transfer: seller and buyer are the same county {}</source>
            <translation>调剂：调出县与调入县是同一个县 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="715" />
            <source>transfer: {} ({}) and {} ({}) are not in the same province</source>
            <translation>调剂：{}（{}）与 {}（{}）不在同一省内</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="72" />
            <source>unknown area unit '{}': expected ha, m2 or mu</source>
            <translation>未知面积单位“{}”：应为 ha、m2 或 mu</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="92" />
            <source>unknown coordinate TXT template '{}'</source>
            <translation>未知的坐标 TXT 模板“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="67" />
            <source>unknown encoding '{}': expected one of {}</source>
            <translation>未知编码“{}”：应为 {} 之一</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/gpkg.py" line="31" />
            <source>unknown envelope code {} in the blob header</source>
            <translation>几何数据头中的外包框代码 {} 无法识别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="70" />
            <source>unknown line ending '{}': expected CRLF or LF</source>
            <translation>未知换行符“{}”：应为 CRLF 或 LF</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="370" />
            <source>unknown parcel-line layout '{}': expected one of {}</source>
            <translation>未知的地块行格式“{}”：应为 {} 之一</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="261" />
            <source>unknown text encoding '{}'</source>
            <translation>未知文本编码“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="353" />
            <source>unstable farmland: {}</source>
            <translation>不稳定耕地：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="265" />
            <source>until {}</source>
            <translation>截至 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/plots.py" line="27" />
            <source>upgrading</source>
            <translation>提质改造</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="469" />
            <source>usable once confirmed by the change survey</source>
            <translation>经变更调查确认后可用</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="421" />
            <source>user name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="317" />
            <source>verdict '{}' is not one of {}</source>
            <translation>核查结论“{}”不在 {} 之中</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/report.py" line="70" />
            <source>verified: {} entries, {} counties; {}</source>
            <translation>已校验：{} 条流水，{} 个县；{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/profile_choice.py" line="76" />
            <source>without an implementation date</source>
            <translation>无实施日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_writeoff.py" line="74" />
            <source>write-off</source>
            <translation>核销</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="679" />
            <source>write-off date</source>
            <translation>核销日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="677" />
            <source>write-off of {}</source>
            <translation>{} 的核销</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="676" />
            <source>write-off: project_code</source>
            <translation>核销：项目编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="94" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/basemap.py" line="33" />
            <source>your own 天地图 key (tk)</source>
            <translation>您自己的天地图密钥（tk）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_transfer.py" line="44" />
            <source>yuan/mu</source>
            <translation>元/亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="379" />
            <source>{:,.1f} kg = {:,.4f} ×10⁴ kg</source>
            <translation>{:,.1f} 公斤 = {:,.4f} 万公斤</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/ledger_common.py" line="18" />
            <source>{:,.4f} mu ({:,.4f} ha) · {:,.1f} kg ({:,.4f} ×10⁴ kg) · paddy {:,.4f} mu ({:,.4f} ha)</source>
            <translation>{:,.4f} 亩（{:,.4f} 公顷）· {:,.1f} 公斤（{:,.4f} 万公斤）· 水田 {:,.4f} 亩（{:,.4f} 公顷）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="381" />
            <source>{:,.4f} mu = {:,.4f} ha</source>
            <translation>{:,.4f} 亩 = {:,.4f} 公顷</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="79" />
            <source>{:,.4f} mu, {:,.4f} kg, {:,.4f} mu paddy</source>
            <translation>{:,.4f} 亩、{:,.4f} 公斤、水田 {:,.4f} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="50" />
            <source>{:.1f} m² ({:.2f} mu)</source>
            <translation>{:.1f} 平方米（{:.2f} 亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/change_survey.py" line="120" />
            <source>{:.1f}% of the plot is cultivated land in the {} change survey (at least {:.0f}% needed)</source>
            <translation>在 {1} 年变更调查中地块的 {0:.1f}% 为耕地（须至少 {2:.0f}%）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="346" />
            <source>{}

Reproject the plots to {} for the file?</source>
            <translation>{}

是否将地块重投影到 {} 后写出文件？</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="310" />
            <source>{} '{}' is not a 6-digit county code (行政区划代码)</source>
            <translation>{}“{}”不是 6 位县级行政区划代码</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="304" />
            <source>{} '{}' is not a date (YYYY-MM-DD)</source>
            <translation>{}“{}”不是日期（YYYY-MM-DD）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="306" />
            <source>{} (photo {})</source>
            <translation>{}（照片 {}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="218" />
            <source>{} (plot {})</source>
            <translation>{}（地块 {}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="40" />
            <source>{} (profile default)</source>
            <translation>{}（规则配置默认）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="413" />
            <source>{} (project {})</source>
            <translation>{}（项目 {}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="164" />
            <source>{} ({:.1f}% of the plot) overlaps {} feature(s)</source>
            <translation>{}（占地块 {:.1f}%）与 {} 个要素重叠</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="184" />
            <source>{} ({} refused)</source>
            <translation>{}（{} 个不予计算）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="231" />
            <source>{} ({}) — {}</source>
            <translation>{}（{}）— {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/operation_rules.py" line="98" />
            <source>{} ({}), {}</source>
            <translation>{}（{}），{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="431" />
            <source>{} + province reserve {}</source>
            <translation>{} + 省级储备 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="339" />
            <source>{} = '{}' is not a land-class code</source>
            <translation>{} = “{}” 不是地类编码</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="335" />
            <source>{} = '{}' is not a whole number</source>
            <translation>{} = “{}” 不是整数</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="347" />
            <source>{} = {} is outside {} ({}–{})</source>
            <translation>{} = {} 超出 {} 的范围（{}–{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/sheet_text.py" line="78" />
            <source>{} Gauss-Krüger {}-degree zone {}</source>
            <translation>{} 高斯-克吕格 {} 度带 第 {} 带</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/sheet_text.py" line="79" />
            <source>{} Gauss-Krüger {}-degree, central meridian {}°E</source>
            <translation>{} 高斯-克吕格 {} 度带 中央经线 {}°E</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="86" />
            <source>{} balances, {} journal entries</source>
            <translation>{} 个余额，{} 条流水</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="227" />
            <source>{} changes recorded, {} had been recorded before</source>
            <translation>记录了 {} 处变化，{} 处此前已记录</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="196" />
            <source>{} changes, {:,.4f} mu of 耕地 turned into other farmland.</source>
            <translation>{} 处变化，共 {:,.4f} 亩耕地转为其他农用地。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="509" />
            <source>{} could not be covered: {}</source>
            <translation>{} 项储备不足：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/accounts.py" line="80" />
            <source>{} dated {} under rule profile {} is refused: from {} (legacy_until) applications are balanced under {}; use {} or a date before {}</source>
            <translation>{}（日期 {}，规则配置 {}）被拒绝：自 {}（legacy_until）起按 {} 落实占补平衡；请改用 {}，或使用 {} 之前的日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="398" />
            <source>{} deposits ({}): usable now {:,.4f} mu, {:,.1f} kg, paddy {:,.4f} mu</source>
            <translation>{} 笔入库（{}）；现可用 {:,.4f} 亩、{:,.1f} 公斤、水田 {:,.4f} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/integrity.py" line="143" />
            <source>{} does not verify from entry {} on: {}. Write-offs and every other change are refused until the ledger is restored from a backup.</source>
            <translation>{} 自流水 {} 起未通过校验：{}。在用备份恢复储备库之前，拒绝核销及其他一切变更。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/integrity.py" line="146" />
            <source>{} does not verify: {}. Write-offs and every other change are refused until the ledger is restored from a backup.</source>
            <translation>{} 未通过校验：{}。在用备份恢复储备库之前，拒绝核销及其他一切变更。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="507" />
            <source>{} due commitments written off</source>
            <translation>已核销 {} 项到期承诺</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="673" />
            <source>{} extra attribute field(s) after 地类编码 kept</source>
            <translation>保留了地类编码之后的 {} 个附加属性字段</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="84" />
            <source>{} failed: {}</source>
            <translation>{} 失败：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="368" />
            <source>{} feature {}: could not be added as a plot</source>
            <translation>{} 要素 {}：无法添加为地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/found_layers.py" line="30" />
            <source>{} features, {} {:,.2f} mu</source>
            <translation>{} 个要素，{} 合计 {:,.2f} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/export_maps.py" line="150" />
            <source>{} files written to {}</source>
            <translation>已导出 {} 个文件至 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="200" />
            <source>{} holds no project database yet: name a new schema to create one</source>
            <translation>{} 中还没有项目数据库：输入新的模式名称即可新建</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="158" />
            <source>{} is empty</source>
            <translation>{}为空</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="141" />
            <source>{} is in zone {}, the plots layer in zone {}</source>
            <translation>{} 位于第 {} 带，地块图层位于第 {} 带</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="292" />
            <source>{} is missing</source>
            <translation>缺少{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="299" />
            <source>{} is not a valid date</source>
            <translation>{}不是有效日期</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/headline.py" line="86" />
            <source>{} kg</source>
            <translation>{} 公斤</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="176" />
            <source>{} kg ({} 10,000 kg)</source>
            <translation>{} 公斤（{} 万公斤）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/headline.py" line="87" />
            <source>{} mu</source>
            <translation>{} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="173" />
            <source>{} mu ({} ha)</source>
            <translation>{} 亩（{} 公顷）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="66" />
            <source>{} m²</source>
            <translation>{} 平方米</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/take_offline.py" line="53" />
            <source>{} not taken along: no layer given</source>
            <translation>{} 未带出：未指定图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="154" />
            <source>{} of {} parcels lie far outside the county (about {:.0f} km away)</source>
            <translation>{} 个地块（共 {} 个）远在本县范围之外（约 {:.0f} 公里）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="406" />
            <source>{} of {} plot(s) affected; {} ({:.1f}% of the project)</source>
            <translation>{}/{} 个地块受影响；{}（占项目 {:.1f}%）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/change_survey_panel.py" line="107" />
            <source>{} of {} plots confirmed by the {} survey layer '{}'</source>
            <translation>{1} 个地块中有 {0} 个经 {2} 年变更调查图层“{3}”核实</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="172" />
            <source>{} of {} plots were refused and got zero credit:</source>
            <translation>{1} 个地块中有 {0} 个不予计算，指标为零：</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="382" />
            <source>{} open, next due {}</source>
            <translation>{} 项未履行，最近到期 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="151" />
            <source>{} parcel(s) written to {} file(s) in {}</source>
            <translation>{} 个地块已写入 {} 个文件，坐标系 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/rules.py" line="134" />
            <source>{} piece(s) below {:.0f} mu (smallest {:.1f} mu)</source>
            <translation>{} 个片区小于 {:.0f} 亩（最小 {:.1f} 亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/rules.py" line="138" />
            <source>{} piece(s) of {} mu</source>
            <translation>{} 个片区，面积 {} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/rules.py" line="129" />
            <source>{} pieces (connected groups of plots); at most {} are allowed</source>
            <translation>共 {} 个片区（相连的地块组），最多允许 {} 个</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="276" />
            <source>{} plot(s) imported into project {} from {} file(s)</source>
            <translation>已从 {2} 个文件向项目 {1} 导入 {0} 个地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/plot_editing.py" line="197" />
            <source>{} plots added from {}</source>
            <translation>已从 {1} 添加 {0} 个地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="607" />
            <source>{} plots checked in {:.0f} ms</source>
            <translation>已检查 {} 个地块，用时 {:.0f} 毫秒</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/sheet_text.py" line="41" />
            <source>{} plots do not pass: </source>
            <translation>{} 个地块不通过：</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/take_offline.py" line="63" />
            <source>{} plots of {} projects written to {}</source>
            <translation>已将 {1} 个项目的 {0} 个地块写入 {2}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/plot_editing.py" line="223" />
            <source>{} plots repaired</source>
            <translation>已修复 {} 个地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="691" />
            <source>{} point line(s) carry {} column(s) after X,Y (到下一点距离, 界址点类型 …): kept as attributes</source>
            <translation>{} 个界址点行在 X,Y 之后还有 {} 列（到下一点距离、界址点类型 …）：作为属性保留</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="200" />
            <source>{} project databases on {}</source>
            <translation>{} 个项目数据库，位于 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/overview.py" line="119" />
            <source>{} projects</source>
            <translation>共 {} 个项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="200" />
            <source>{} projects, {} plots written to {}. Clipped constraint features: {}</source>
            <translation>已将 {} 个项目、{} 个地块写入 {}。裁切的约束图层要素：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="801" />
            <source>{} says zone {} but the eastings carry zone {} in front and lie {:.0f} km from zone {}'s central meridian</source>
            <translation>{}为 {}，但东坐标前的带号为 {}，且距中央经线 {:.0f} 公里（第 {} 带）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="806" />
            <source>{} says zone {}; eastings such as {:.3f} run into the next million ({:.0f} km from the central meridian): read in zone {} as declared</source>
            <translation>{}为 {}；东坐标如 {:.3f} 进位到下一个百万（距中央经线 {:.0f} 公里）：按声明的第 {} 带读取</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="270" />
            <source>{} short by {:g}</source>
            <translation>{}缺 {:g}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="152" />
            <source>{} should be a text, not {}</source>
            <translation>{} 应为文字，而不是 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/overview.py" line="118" />
            <source>{} supplementary farmland projects: overview</source>
            <translation>{}补充耕地项目总览图</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="95" />
            <source>{} to {} {}</source>
            <translation>{} 归入 {} {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="233" />
            <source>{} values of this profile are unconfirmed assumptions (province data; hover to see them)</source>
            <translation>本规则配置有 {} 项取值为未经证实的假设（省级数据，鼠标悬停查看）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="27" />
            <source>{} {} at {:.0f} yuan/mu{}</source>
            <translation>{} {}，{:.0f} 元/亩{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/model.py" line="273" />
            <source>{} {} at {:g} yuan/mu</source>
            <translation>{} {}，每亩 {:g} 元</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="179" />
            <source>{} {} is not a journal entry number</source>
            <translation>{} {} 不是有效的流水号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/rules.py" line="65" />
            <source>{} {} is not in the county table {}: add the county there first</source>
            <translation>{} {} 不在县表 {} 中：请先在县表中添加该县</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/sheet_text.py" line="19" />
            <source>{} {} mu</source>
            <translation>{} {} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="335" />
            <source>{} {} on {} ({})</source>
            <translation>{} {}，面积 {}（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/found_layers.py" line="48" />
            <source>{} ← {} ({})</source>
            <translation>{} ← {}（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="428" />
            <source>{} → {}</source>
            <translation>{} → {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="459" />
            <source>{}: a balance would go below zero (refused by the database): {}</source>
            <translation>{}：余额将小于零（数据库拒绝）：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/sqlite_backend.py" line="155" />
            <source>{}: after the migration, rows of {} refer to rows that do not exist</source>
            <translation>{}：迁移后 {} 中有记录引用了不存在的记录</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="129" />
            <source>{}: all three amounts are zero</source>
            <translation>{}：三项指标均为零</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraints/findings.py" line="168" />
            <source>{}: allowed for a {} plot</source>
            <translation>{}：{}地块允许</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/accounts.py" line="146" />
            <source>{}: an empty plot code</source>
            <translation>{}：地块编号为空</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="165" />
            <source>{}: broken Unicode (half of a surrogate pair) at position {}</source>
            <translation>{}：第 {} 个字符是损坏的 Unicode（不成对的代理字符）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/check_dock.py" line="419" />
            <source>{}: cannot be written ({})</source>
            <translation>{}：无法写入（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/sqlite_backend.py" line="81" />
            <source>{}: cannot open as a ledger GeoPackage: {}</source>
            <translation>{}：无法作为储备库 GeoPackage 打开：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="660" />
            <source>{}: confirmed already by entry {}</source>
            <translation>{}：已由流水 {} 确认</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="162" />
            <source>{}: control character U+{:04X} at position {}</source>
            <translation>{0}：第 {2} 个字符是控制字符 U+{1:04X}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="456" />
            <source>{}: credits waiting for their change-survey confirmation cannot be drawn yet (refused by the database): {}</source>
            <translation>{}：尚待变更调查确认的指标暂不能动用（数据库拒绝）：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="651" />
            <source>{}: dated {}, before the deposit of {}</source>
            <translation>{}：日期 {} 早于入库日期 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="637" />
            <source>{}: entry {} is not a deposit</source>
            <translation>{}：流水 {} 不是入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="798" />
            <source>{}: exemption '{}' is not one of {}</source>
            <translation>{}：不计入理由“{}”不在 {} 之中</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/sqlite_backend.py" line="49" />
            <source>{}: ledger file not found</source>
            <translation>{}：找不到储备库文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/sqlite_backend.py" line="151" />
            <source>{}: migration {} did not leave the ledger at schema {}</source>
            <translation>{}：迁移脚本 {} 执行后储备库结构不是第 {} 版</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="305" />
            <source>{}: new farmland above 25° is not allowed</source>
            <translation>{}：不得在坡度大于 25° 的土地上新增耕地</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/conflicts.py" line="178" />
            <source>{}: no conflict {}</source>
            <translation>{}：没有编号为 {} 的冲突</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/accounts.py" line="149" />
            <source>{}: no plot codes given (leave them out for the whole project)</source>
            <translation>{}：未给出地块编号（整个项目时请不填）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/export.py" line="68" />
            <source>{}: no project {}</source>
            <translation>{}：没有项目 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="291" />
            <source>{}: no such ledger file</source>
            <translation>{}：没有这个储备库文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="255" />
            <source>{}: not a plots layer (no project_code field)</source>
            <translation>{}：不是地块图层（没有 project_code 字段）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="348" />
            <source>{}: not a polygon layer</source>
            <translation>{}：不是面图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/database.py" line="70" />
            <source>{}: not a project database ({})</source>
            <translation>{}：不是项目数据库（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="104" />
            <source>{}: not a readable GeoPackage ({})</source>
            <translation>{}：不是可读取的 GeoPackage（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="109" />
            <source>{}: not an offline package (it has no {} table)</source>
            <translation>{}：不是离线数据包（没有 {} 表）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="112" />
            <source>{}: not an offline package (no offline_package_id in {})</source>
            <translation>{}：不是离线数据包（{} 中没有 offline_package_id）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/headline.py" line="79" />
            <source>{}: not checked (figures before constraint exclusions)</source>
            <translation>{}：未检查（指标未扣除约束）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="121" />
            <source>{}: not exported: {}</source>
            <translation>{}：未导出：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/database.py" line="166" />
            <source>{}: not saved: {}</source>
            <translation>{}：未保存：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/accounts.py" line="111" />
            <source>{}: occupation kind '{}' ({}) enters the {} account, not this one</source>
            <translation>{}：占用类型“{}”（{}）计入{}，不计入本账</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/accounts.py" line="108" />
            <source>{}: occupation kind '{}' is not one of rule profile {} ({})</source>
            <translation>{}：占用类型“{}”不是规则配置 {} 中的类型（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/package.py" line="99" />
            <source>{}: offline package not found</source>
            <translation>{}：找不到离线数据包</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="86" />
            <source>{}: parcel '{}' has 地类编码 '{}', which is not a GB/T 21010 code</source>
            <translation>{}：地块“{}”的地类编码“{}”不是 GB/T 21010 编码</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="373" />
            <source>{}: plots {} of project {} are credited already to {} by entry {}; a plot counts for 占补平衡 or for 进出平衡, never both</source>
            <translation>{}：地块 {} 属于项目 {}，已计入{}（流水 {}）；一个地块只能计入占补平衡或进出平衡之一</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/identity.py" line="29" />
            <source>{}: project database not found</source>
            <translation>{}：找不到项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="890" />
            <source>{}: proposal refused: {}</source>
            <translation>{}：建议被拒绝：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="71" />
            <source>{}: reprojected from {} to {}</source>
            <translation>{}：已从 {} 重投影到 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/accounts.py" line="124" />
            <source>{}: rule profile {} keeps no 进出平衡 account (in_out_balance)</source>
            <translation>{}：规则配置 {} 没有进出平衡账（in_out_balance）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/accounts.py" line="94" />
            <source>{}: rule profile {} requires {} on every write-off</source>
            <translation>{}：规则配置 {} 要求每笔核销填写{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/plot_editing.py" line="194" />
            <source>{}: select the features that should become plots</source>
            <translation>{}：请选择要转为地块的要素</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="645" />
            <source>{}: survey year '{}' and share '{}' should be numbers</source>
            <translation>{}：调查年份“{}”和占比“{}”应为数字</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="648" />
            <source>{}: survey year {} or share {} out of range</source>
            <translation>{}：调查年份 {} 或占比 {} 超出范围</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/home.py" line="287" />
            <source>{}: table {}, row {}: {}</source>
            <translation>{}：表 {}，行 {}：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="110" />
            <source>{}: the amounts should be area (mu), grain capacity (kg) and paddy (mu), not {}</source>
            <translation>{}：指标应为耕地数量（亩）、粮食产能（公斤）和水田（亩），而不是 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="87" />
            <source>{}: the coordinate system {} is not CGCS2000</source>
            <translation>{}：坐标系 {} 不是 CGCS2000</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/identity.py" line="52" />
            <source>{}: the copy could not be written ({}); nothing was written</source>
            <translation>{}：无法写出副本（{}）；未写入任何内容</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/home_pg.py" line="218" />
            <source>{}: the database cannot be read ({})</source>
            <translation>{}：无法读取数据库（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/export.py" line="70" />
            <source>{}: the database does not record its CRS in dg_meta</source>
            <translation>{}：数据库的 dg_meta 中没有记录坐标参考系</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/home_pg.py" line="185" />
            <source>{}: the database is busy (another save or merge holds it); try again</source>
            <translation>{}：数据库正忙（另有保存或合并正在进行）；请稍后重试</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/home.py" line="253" />
            <source>{}: the database is busy ({}); save or close the other editor and try again</source>
            <translation>{}：数据库正忙（{}）；请保存或关闭其他编辑后重试</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/home_pg.py" line="201" />
            <source>{}: the database refused the change ({}); nothing was written</source>
            <translation>{}：数据库拒绝了此次修改（{}）；未写入任何内容</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="891" />
            <source>{}: the database refused the operation: {}</source>
            <translation>{}：数据库拒绝了该操作：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/store.py" line="267" />
            <source>{}: the database refused this for user {}: {}</source>
            <translation>{}：数据库拒绝了用户 {} 的此项操作：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="442" />
            <source>{}: the database refused this operation for the connected role: {}</source>
            <translation>{}：数据库拒绝当前角色执行该操作：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="129" />
            <source>{}: the database refused to read the ledger for the connected role: {}</source>
            <translation>{}：数据库拒绝当前角色读取储备库：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="657" />
            <source>{}: the deposit has been reversed</source>
            <translation>{}：该入库已冲正</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="639" />
            <source>{}: the deposit of project {} (rule profile {}) needs no change-survey confirmation</source>
            <translation>{}：项目 {} 的入库（规则配置 {}）无需变更调查确认</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/identity.py" line="31" />
            <source>{}: the file exists already</source>
            <translation>{}：文件已存在</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/sqlite_backend.py" line="52" />
            <source>{}: the folder {} does not exist</source>
            <translation>{}：文件夹 {} 不存在</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/projects.py" line="40" />
            <source>{}: the layer cannot be edited ({})</source>
            <translation>{}：图层无法编辑（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/postgres_backend.py" line="82" />
            <source>{}: the ledger cannot be opened: {}</source>
            <translation>{}：无法打开储备库：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="131" />
            <source>{}: the ledger cannot be read: {}</source>
            <translation>{}：无法读取储备库：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/sqlite_backend.py" line="68" />
            <source>{}: the ledger has schema {}, written by a newer version of the plugin (this one knows schema {}); it can be read but not written: update the plugin</source>
            <translation>{}：该储备库为第 {} 版结构，由更新版本的插件写入（本插件只识别到第 {} 版）；只能查看，不能写入，请更新插件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/postgres_backend.py" line="104" />
            <source>{}: the ledger schema dg_ledger is not installed; ask the database owner to run the schema installer</source>
            <translation>{}：尚未安装储备库结构 dg_ledger，请数据库所有者运行结构安装程序</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/sqlite_backend.py" line="96" />
            <source>{}: the ledger's schema version '{}' is not a number</source>
            <translation>{}：储备库结构版本“{}”不是数字</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/postgres_backend.py" line="108" />
            <source>{}: the login {} has none of the ledger's roles (dg_technician, dg_reviewer, dg_officer); ask the database owner to grant one</source>
            <translation>{}：登录名 {} 没有储备库的任何角色（dg_technician、dg_reviewer、dg_officer），请数据库所有者授予其中之一</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/errors.py" line="39" />
            <source>{}: the offline package is refused and nothing was written:</source>
            <translation>{}：离线数据包被拒绝，未写入任何内容：</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/export.py" line="62" />
            <source>{}: the package cannot overwrite its own project database</source>
            <translation>{}：数据包不能覆盖其来源项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/export.py" line="97" />
            <source>{}: the package could not be written ({}); nothing was written</source>
            <translation>{}：无法写出数据包（{}）；未写入任何内容</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/merge.py" line="112" />
            <source>{}: the package is in {}, the project database in {}</source>
            <translation>{}：数据包的坐标系为 {}，项目数据库为 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/merge.py" line="103" />
            <source>{}: the package was taken from another project database ({}), not from {}</source>
            <translation>{}：该数据包取自另一个项目数据库（{}），不是 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/home_pg.py" line="173" />
            <source>{}: the tables of take offline / bring back are missing and this login may not create them; ask the database owner to take a package once</source>
            <translation>{}：缺少离线带出/带回合并所需的表，当前登录用户无权创建；请数据库所有者先带出一次数据包</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="602" />
            <source>{}: this ledger cannot store a province share yet; ask the database owner to rerun the schema installer (schema 2)</source>
            <translation>{}：该储备库尚不能记录省级分成，请数据库所有者重新运行结构安装程序（第 2 版结构）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="307" />
            <source>{}: to be reviewed</source>
            <translation>{}：需复核</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="383" />
            <source>{}: under rule profile {} credits deposited under {} are not drawable (legacy_credit_carryover); county {} may draw {}</source>
            <translation>{}：按规则配置 {}，依 {} 入库的指标不可动用（legacy_credit_carryover）；县 {} 可动用 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/project/headline.py" line="76" />
            <source>{}: {}</source>
            <translation>{}：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/check_constraints.py" line="136" />
            <source>{}: {} ({})</source>
            <translation>{}：{}（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="169" />
            <source>{}: {} characters, at most {} are allowed</source>
            <translation>{}：共 {} 个字符，最多允许 {} 个</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/merge.py" line="108" />
            <source>{}: {} has no record of exporting this package ({}); it was taken from another database (a copy of the same file?)</source>
            <translation>{}：{} 中没有带出此数据包（{}）的记录；它取自另一个数据库（可能是同一文件的副本）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="118" />
            <source>{}: {} may not be negative (−0 included): {}</source>
            <translation>{}：{} 不得为负数（包括 −0）：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="162" />
            <source>{}: {} needs ledger schema 4 (the 2024 reform); ask the database owner to rerun the schema installer</source>
            <translation>{}：{}需要储备库第 4 版结构（2024 年改革）；请数据库所有者重新运行结构安装程序</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="387" />
            <source>{}: {} of the reserve of {} waits for its change-survey confirmation (deposits {}) and cannot be drawn yet; usable now: {}</source>
            <translation>{0}：{2} 的储备中有 {1} 尚待变更调查确认（入库 {3}），暂不能动用；现可用：{4}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="67" />
            <source>{}: {} parcel(s), {} points, encoding {}, line endings {}, {}</source>
            <translation>{}：{} 个地块，{} 个点，编码 {}，换行符 {}，{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="520" />
            <source>{}: {} points, {} inside the plots, {} outside</source>
            <translation>{}：共 {} 个点，地块内 {} 个，地块外 {} 个</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="467" />
            <source>{}: {} recorded</source>
            <translation>{}：已记录“{}”</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="125" />
            <source>{}: {} {} is below the ledger's precision of 0.0001</source>
            <translation>{}：{} {} 小于储备库的精度 0.0001</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="121" />
            <source>{}: {} {} is more than one entry may hold ({:,.4f})</source>
            <translation>{}：{} {} 超过单笔流水上限（{:,.4f}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="93" />
            <source>{}: {} {} is not a finite number</source>
            <translation>{}：{} {} 不是有限数值</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/limits.py" line="91" />
            <source>{}: {} {} is not a number</source>
            <translation>{}：{} {} 不是数字</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="824" />
            <source>{}: {} → {} is not other farmland turned back into 耕地</source>
            <translation>{}：{} → {} 不是其他农用地恢复为耕地</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="795" />
            <source>{}: {} → {} is not 耕地 turned into other farmland ({} → {})</source>
            <translation>{}：{} → {} 不是耕地转为其他农用地（{} → {}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/workflow/store.py" line="270" />
            <source>{}: {}; nothing was changed</source>
            <translation>{}：{}；未做任何修改</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/standard_layers/plot_rules.py" line="393" />
            <source>{}; features: {}</source>
            <translation>{}；涉及要素：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/coord_txt.py" line="213" />
            <source>{}; {} note(s) to check in the log (Double Guarantee)</source>
            <translation>{}；有 {} 条提示，请在日志（双保）中查看</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/offline/errors.py" line="38" />
            <source>… and {} more</source>
            <translation>……另有 {} 处</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="467" />
            <source>… and {} more constraint layers (all are in the county summary table)</source>
            <translation>……另有 {} 个约束图层（全部见县级汇总表）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/overview.py" line="127" />
            <source>… and {} more projects (all are in the county summary table)</source>
            <translation>……另有 {} 个项目（全部见县级汇总表）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="394" />
            <source>… and {} more rows</source>
            <translation>……另有 {} 行</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/review_dock.py" line="101" />
            <source>◀ Previous</source>
            <translation>◀ 上一个</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/province_year_page.py" line="120" />
            <source>以补定占: the net stable increase of farmland in year N caps the occupation of year N+1 (rule profile assumption, unconfirmed). Occupation = write-offs dated in {} and commitments due in {}.</source>
            <translation>以补定占：N 年稳定耕地净增加量控制 N+1 年的占用（规则配置中的假设，未经证实）。占用 = {} 年核销及 {} 年到期的承诺。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="265" />
            <source>农业农村: {}</source>
            <translation>农业农村：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="780" />
            <source>几度分带 '{}' is neither 3 nor 6</source>
            <translation>几度分带“{}”既不是 3 也不是 6</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="838" />
            <source>几度分带 is missing; {}-degree zones assumed from zone {}</source>
            <translation>缺少几度分带；按带号 {1} 取 {0} 度分带</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="372" />
            <source>占补平衡</source>
            <translation>占补平衡</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/deposit.py" line="123" />
            <source>占补平衡 or 进出平衡 (a plot credits one of them, never both)</source>
            <translation>占补平衡或进出平衡（一个地块只能计入其一）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="932" />
            <source>地块面积 seems to be written in {}, not in hectares</source>
            <translation>地块面积似乎以 {} 为单位，而非公顷</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="664" />
            <source>地类 '{}' is not a land-class name of GB/T 21010; no class code</source>
            <translation>地类“{}”不是 GB/T 21010 的地类名称；无地类编码</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="760" />
            <source>坐标系 '{}' is not supported: expected 2000国家大地坐标系 (CGCS2000) or 1980西安坐标系</source>
            <translation>不支持坐标系“{}”：应为 2000国家大地坐标系（CGCS2000）或 1980西安坐标系</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="765" />
            <source>坐标系 is missing or empty; assumed CGCS2000</source>
            <translation>坐标系缺失或为空；按 CGCS2000 处理</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="786" />
            <source>带号 '{}' is not a whole number</source>
            <translation>带号“{}”不是整数</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="824" />
            <source>带号 is empty; zone {} taken from the eastings</source>
            <translation>带号为空；从东坐标取第 {} 带</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="794" />
            <source>带号 is empty; zone {} taken from 中央经线 {}</source>
            <translation>带号为空；由中央经线 {1} 取第 {0} 带</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="774" />
            <source>投影类型 '{}' is not supported: expected 高斯克吕格 (Gauss-Krüger)</source>
            <translation>不支持投影类型“{}”：应为高斯克吕格</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="104" />
            <source>数据产生单位 (producer)</source>
            <translation>数据产生单位</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="795" />
            <source>林/园/草/坑塘/设施农用地</source>
            <translation>林地/园地/草地/坑塘/设施农用地</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/operation_rules.py" line="101" />
            <source>案卷编号</source>
            <translation>案卷编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="88" />
            <source>案卷编号 (AJBH)</source>
            <translation>案卷编号（AJBH）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="464" />
            <source>案卷编号 {}</source>
            <translation>案卷编号 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="107" />
            <source>田坎 (mu)</source>
            <translation>田坎（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="82" />
            <source>田坎 deducted</source>
            <translation>扣除田坎</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="241" />
            <source>田坎 deducted / net area</source>
            <translation>扣除田坎 / 净面积</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/operation_rules.py" line="101" />
            <source>电子监管号</source>
            <translation>电子监管号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="87" />
            <source>电子监管号 (DZJGH)</source>
            <translation>电子监管号（DZJGH）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="462" />
            <source>电子监管号 {}</source>
            <translation>电子监管号 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="939" />
            <source>界址点数 is empty; the parcel has {} point lines</source>
            <translation>界址点数为空；该地块有 {} 个界址点行</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="950" />
            <source>界址点数 says {} points but parcel '{}' has {} point lines</source>
            <translation>界址点数为 {} 个，但地块“{}”有 {} 个界址点行</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="946" />
            <source>界址点数 {} leaves out the closing points ({} point lines)</source>
            <translation>界址点数 {} 未计闭合点（共 {} 个界址点行）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="61" />
            <source>耕地 turned into forest, orchard, grassland, a pond or facility land</source>
            <translation>耕地转为林地、园地、草地、坑塘或设施农用地</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/workflow.py" line="265" />
            <source>自然资源: {}</source>
            <translation>自然资源：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="769" />
            <source>计量单位 '{}' is not supported: expected 米 (metres)</source>
            <translation>不支持计量单位“{}”：应为米</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="679" />
            <source>记录图形属性 is '{}', not 面 (polygon); the points are read as a polygon anyway</source>
            <translation>记录图形属性为“{}”而非面；仍按面读取</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/ledger_dock.py" line="127" />
            <source>进出平衡</source>
            <translation>进出平衡</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/summary.py" line="167" />
            <source>进出平衡 by year</source>
            <translation>进出平衡（按年）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="816" />
            <source>进出平衡 in of project {}</source>
            <translation>项目 {} 的进出平衡·进</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="108" />
            <source>进出平衡 of county {}: met in every year</source>
            <translation>县 {} 的进出平衡：各年均已平衡</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/in_out_page.py" line="105" />
            <source>进出平衡 of county {}: not met in {} (耕地 out more than in within the year)</source>
            <translation>县 {} 的进出平衡：{} 年未平衡（当年耕地流出多于流入）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="132" />
            <source>进出平衡 out from two surveys, county {} {}</source>
            <translation>比对两期调查记录进出平衡·出（县 {} {}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/ledger/base.py" line="788" />
            <source>进出平衡 out in county {}</source>
            <translation>县 {} 的进出平衡·出</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/in_out_record.py" line="40" />
            <source>进出平衡 out in county {} {}</source>
            <translation>{} {} 的进出平衡·出</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="265" />
            <source>进出平衡 {} (county)</source>
            <translation>{} 年进出平衡（县）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/province_year_page.py" line="84" />
            <source>进出平衡 {} (mu)</source>
            <translation>{} 年进出平衡（亩）</translation>
        </message>
    </context>
</TS>