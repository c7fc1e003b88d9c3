#!/usr/bin/env bash
# Regenerates the committed FFM bindings (src/main/java/dev/mano/dataplane/bindings) from the
# installed DPDK headers (libdpdk-dev 22.11). Only what the runtime uses is bound, so the
# generated source stays reviewable; add a name below when new code needs it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
jextract="${JEXTRACT:-$module/../../shared/tools/jextract/bin/jextract}"
out="$module/src/main/java"
pkg=dev.mano.dataplane.bindings
rm -rf "$out/dev/mano/dataplane/bindings"

functions=(
  # EAL and lcores
  rte_eal_init rte_eal_cleanup rte_eal_remote_launch rte_eal_wait_lcore rte_eal_get_lcore_state
  rte_get_main_lcore rte_lcore_count rte_get_next_lcore rte_lcore_is_enabled rte_lcore_to_cpu_id
  rte_lcore_to_socket_id rte_socket_id rte_thread_register rte_thread_unregister rte_strerror
  rte_dev_probe rte_eal_has_hugepages
  # mbufs and mempools
  rte_pktmbuf_pool_create rte_pktmbuf_free_bulk rte_mempool_free rte_mempool_avail_count
  rte_mempool_in_use_count
  # ethdev
  rte_eth_dev_count_avail rte_eth_dev_is_valid_port rte_eth_dev_get_port_by_name
  rte_eth_dev_get_name_by_port rte_eth_dev_info_get rte_eth_dev_configure
  rte_eth_dev_adjust_nb_rx_tx_desc rte_eth_rx_queue_setup rte_eth_tx_queue_setup
  rte_eth_dev_start rte_eth_dev_stop rte_eth_dev_close rte_eth_promiscuous_enable
  rte_eth_macaddr_get rte_eth_link_get_nowait rte_eth_stats_get rte_eth_stats_reset
  rte_eth_xstats_get_names rte_eth_xstats_get rte_eth_dev_socket_id
  # rings (the inline enqueue/dequeue are reached through a ring ethdev)
  rte_ring_create rte_ring_free rte_ring_lookup rte_eth_from_rings
)
structs=(
  rte_mbuf rte_mempool rte_mempool_ops rte_mempool_ops_table rte_ring rte_ring_headtail
  rte_eth_conf rte_eth_rxmode rte_eth_txmode rte_eth_rss_conf rte_eth_rxconf rte_eth_txconf
  rte_eth_thresh rte_eth_dev_info rte_eth_desc_lim rte_eth_dev_portconf rte_eth_switch_info
  rte_eth_stats rte_eth_xstat rte_eth_xstat_name rte_eth_fp_ops rte_ethdev_qdata rte_ether_addr
  # nested in the structs above
  rte_eth_dcb_rx_conf rte_eth_dcb_tx_conf rte_eth_intr_conf rte_eth_rxseg_capa rte_eth_vmdq_dcb_conf rte_eth_vmdq_dcb_tx_conf rte_eth_vmdq_rx_conf rte_eth_vmdq_tx_conf rte_mbuf_sched rte_mempool_memhdr_list rte_mempool_objhdr_list rte_ring_hts_headtail rte_ring_rts_headtail 
)
constants=(
  RTE_MAX_ETHPORTS RTE_MAX_LCORE RTE_ETH_NAME_MAX_LEN RTE_MEMPOOL_CACHE_MAX_SIZE
  RTE_PKTMBUF_HEADROOM RTE_MBUF_DEFAULT_BUF_SIZE RTE_ETH_XSTATS_NAME_SIZE
  RTE_ETH_MQ_RX_NONE RTE_ETH_MQ_RX_RSS RTE_ETH_MQ_TX_NONE
  RTE_ETH_RSS_IP RTE_ETH_RSS_TCP RTE_ETH_RSS_UDP RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE
  SOCKET_ID_ANY RING_F_SP_ENQ RING_F_SC_DEQ RTE_MAX_ETHPORTS
  WAIT RUNNING
)
vars=(rte_eth_fp_ops rte_mempool_ops_table)

args=()
for f in "${functions[@]}"; do args+=(--include-function "$f"); done
for s in "${structs[@]}"; do args+=(--include-struct "$s"); done
for c in "${constants[@]}"; do args+=(--include-constant "$c"); done
for v in "${vars[@]}"; do args+=(--include-var "$v"); done
for u in __rte_ring_hts_pos __rte_ring_rts_poscnt; do args+=(--include-union "$u"); done
for t in lcore_function_t eth_rx_burst_t eth_tx_burst_t rte_spinlock_t; do args+=(--include-typedef "$t"); done

"$jextract" --include-dir /usr/include/dpdk --include-dir /usr/include/x86_64-linux-gnu/dpdk \
  -t "$pkg" --header-class-name Dpdk \
  -l :librte_eal.so.23 -l :librte_ethdev.so.23 -l :librte_mbuf.so.23 -l :librte_mempool.so.23 \
  -l :librte_ring.so.23 -l :librte_net_ring.so.23 \
  "${args[@]}" --output "$out" "$here/dpdk.h"
echo "generated $(find "$out/dev/mano/dataplane/bindings" -name '*.java' | wc -l) files into $pkg"
