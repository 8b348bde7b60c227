#include "app/gui/panels/layer_table.h"

#include <imgui.h>

#include <algorithm>
#include <numeric>

namespace tidemark::gui {

std::vector<std::size_t> sorted_rows(const layers::Layer& layer, int field, bool ascending) {
    std::vector<std::size_t> rows(layer.features().size());
    std::iota(rows.begin(), rows.end(), 0);
    if (field < 0) return rows;
    auto less = [&](std::size_t a, std::size_t b) {
        const auto& va = layer.features()[a].values[field];
        const auto& vb = layer.features()[b].values[field];
        auto na = layers::to_number(va), nb = layers::to_number(vb);
        if (na && nb) return *na < *nb;
        return layers::to_string(va) < layers::to_string(vb);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) { return ascending ? less(a, b) : less(b, a); });
    return rows;
}

std::size_t draw_layer_table(const char* id, const layers::Layer& layer, const LayerTableOptions& options) {
    std::vector<int> cols;
    if (options.columns.empty())
        for (std::size_t i = 0; i < layer.fields.size(); ++i) cols.push_back(static_cast<int>(i));
    else
        for (const auto& c : options.columns)
            if (int i = layer.field_index(c); i >= 0) cols.push_back(i);
    if (cols.empty()) { ImGui::TextDisabled("(no columns)"); return 0; }
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingFixedFit;
    std::size_t shown = 0;
    static const ForceNames no_forces;
    if (!ImGui::BeginTable(id, static_cast<int>(cols.size()), flags, {0, options.height})) return 0;
    ImGui::TableSetupScrollFreeze(1, 1);
    for (int c : cols) {
        const std::string& name = layer.fields[c].name;
        ImGuiTableColumnFlags column_flags = 0;
        if (name == options.sort_by)
            column_flags = ImGuiTableColumnFlags_DefaultSort |
                    (options.sort_descending ? ImGuiTableColumnFlags_PreferSortDescending : ImGuiTableColumnFlags_PreferSortAscending);
        ImGui::TableSetupColumn(header_text(name).c_str(), column_flags);
    }
    ImGui::TableHeadersRow();
    int sort_field = -1;
    bool ascending = true;
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        sort_field = cols[specs->Specs[0].ColumnIndex];
        ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    }
    for (std::size_t row : sorted_rows(layer, sort_field, ascending)) {
        if (options.keep && !options.keep(row)) continue;
        ++shown;
        ImGui::TableNextRow();
        for (std::size_t k = 0; k < cols.size(); ++k) {
            ImGui::TableSetColumnIndex(static_cast<int>(k));
            const ValueText cell = value_text(layer.fields[cols[k]].name, layer.features()[row].values[cols[k]],
                                              options.forces ? *options.forces : no_forces);
            if (k == 0) {
                ImGui::PushID(static_cast<int>(row));
                if (ImGui::Selectable(cell.text.empty() ? "-" : cell.text.c_str(), options.highlighted == static_cast<std::int64_t>(row),
                                      ImGuiSelectableFlags_SpanAllColumns) && options.clicked)
                    options.clicked(row);
                ImGui::PopID();
            } else {
                ImGui::TextUnformatted(cell.text.c_str());
            }
            if (!cell.tooltip.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", cell.tooltip.c_str());
        }
    }
    ImGui::EndTable();
    return shown;
}

}  // namespace tidemark::gui
