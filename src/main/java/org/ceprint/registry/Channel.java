package org.ceprint.registry;

/**
 * An issuing channel (发证渠道, 第十七条): a city HRSS office or the provincial departments'
 * office.
 */
public record Channel(String code, String name, String officeName) {

}
