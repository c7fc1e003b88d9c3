/** Two cells, hyper-threaded cores 0/4, 1/5 … as a host reports them, cores 1-3 and 5-7 isolated. */
export const hostJson = {
  id: 'h1',
  name: 'edge-1',
  uri: 'qemu:///system',
  status: 'READY',
  topology: {
    hostname: 'edge-1',
    cpuModel: 'Skylake-Server-IBRS',
    kvm: false,
    cells: [
      {
        id: 0,
        memoryKib: 16777216,
        cpus: [
          { id: 0, socketId: 0, coreId: 0, siblings: [0, 4], isolated: false },
          { id: 4, socketId: 0, coreId: 0, siblings: [0, 4], isolated: false, vnfcName: 'fw-0' },
          { id: 1, socketId: 0, coreId: 1, siblings: [1, 5], isolated: true, allocation: { vnfcId: 'fw-0' } },
          { id: 5, socketId: 0, coreId: 1, siblings: [1, 5], isolated: true, allocation: { vnfcId: 'fw-0' } },
          { id: 2, socketId: 0, coreId: 2, siblings: [2, 6], isolated: true },
          { id: 6, socketId: 0, coreId: 2, siblings: [2, 6], isolated: true },
          { id: 3, socketId: 0, coreId: 3, siblings: [3, 7], isolated: true },
          { id: 7, socketId: 0, coreId: 3, siblings: [3, 7], isolated: true, allocatedTo: 'nat-0' },
        ],
        hugepages: [
          { cellId: 0, pageSizeKib: 4, total: 4000000, free: 3000000 },
          { cellId: 0, pageSizeKib: 2048, total: 512, free: 256 },
          { cellId: 0, pageSizeKib: 1048576, total: 4, allocated: 1 },
        ],
      },
      { id: 1, memoryKib: 16777216, cpus: [], hugepages: [] },
    ],
    physicalFunctions: [
      {
        pciAddress: '0000:3b:00.0', netdev: 'ens1f0', numaNode: 0, physicalNetwork: 'physnet-a',
        virtualFunctions: [
          { pciAddress: '0000:3b:02.0', numaNode: 0, vfIndex: 0, vnfcName: 'fw-0' },
          { pciAddress: '0000:3b:02.1', numaNode: 0, vfIndex: 1 },
        ],
      },
      { pciAddress: '0000:af:00.0', numaNode: -1, virtualFunctions: [] },
    ],
  },
};

