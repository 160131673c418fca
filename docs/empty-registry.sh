#!/usr/bin/env bash
# From an empty registry to a printed, verified certificate, with ceprint's own commands and
# the sample files of docs/samples/ (README, "From an empty registry"):
#
#   1. a fresh MariaDB database (no demo data) and a signing key made on purpose;
#   2. the provincial administrator, then a Nanchang counter account;
#   3. the units and bases of Nanchang, then a roster of their people;
#   4. a certificate issued to everyone enrolled, printed, and its QR code verified.
#
# Usage: docs/empty-registry.sh            (MariaDB on 127.0.0.1:3306, user root, no password)
#   CEPRINT_EMPTY_DATABASE=name   the database to (re)create, default ceprint_empty
#   CEPRINT_DB_USER / CEPRINT_DB_PASSWORD   as for the mariadb profile
# Everything it writes (keys, print batches, log) goes to a new temporary folder it names.
set -euo pipefail
cd "$(dirname "$0")/.."

database=${CEPRINT_EMPTY_DATABASE:-ceprint_empty}
[[ "$database" =~ ^[A-Za-z0-9_]+$ ]] || { echo "CEPRINT_EMPTY_DATABASE：只能含字母、数字和 _" >&2; exit 2; }
user=${CEPRINT_DB_USER:-root}
mariadb --protocol=TCP -h127.0.0.1 -u"$user" ${CEPRINT_DB_PASSWORD:+-p"$CEPRINT_DB_PASSWORD"} \
  -e "DROP DATABASE IF EXISTS $database; CREATE DATABASE $database CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
export CEPRINT_DB_URL="jdbc:mariadb://127.0.0.1:3306/$database"

work=$(mktemp -d)
[ -f target/ceprint.jar ] || ./mvnw -B -q -DskipTests package

ceprint() {
  java -jar target/ceprint.jar "$@" --spring.profiles.active=mariadb \
    --ceprint.data-dir="$work/data" --ceprint.printing.output-dir="$work/print-batches"
}

echo "== 1. 签名密钥（生产环境不会自动生成）"
ceprint keys generate --dir "$work/data/keys"

echo "== 2. 省级管理员和南昌窗口账号（初始密码随机生成，只写入 $work/passwords.txt）"
umask 077
admin_password="管理员-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
clerk_password="南昌窗口-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
printf 'admin\t%s\nnanchang-clerk\t%s\n' "$admin_password" "$clerk_password" > "$work/passwords.txt"
printf '%s\n' "$admin_password" | ceprint account create-admin admin --name 省厅管理员 --password-stdin
printf '%s\n' "$clerk_password" | ceprint account add nanchang-clerk --role CLERK --office 360100 \
  --name 南昌窗口 --password-stdin --by admin

echo "== 3. 单位和基地名册、人员名册"
ceprint units import docs/samples/units.csv --office 360100 --errors "$work/units-未导入.xlsx" --by nanchang-clerk
ceprint people import docs/samples/roster.csv --office 360100 --errors "$work/roster-未导入.xlsx" --by nanchang-clerk

echo "== 4. 发证、打印、查验"
ceprint issue --office 360100 --all --by nanchang-clerk
ceprint print certificates --city 360100
certificates=$(ls "$work"/print-batches/*/certificates-*.pdf | head -n 1)
ceprint verify "$certificates"
echo "完成：打印批次在 $work/print-batches，初始密码在 $work/passwords.txt"
