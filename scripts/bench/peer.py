# The computation an analyst would otherwise write: the same N-basis capacity per township with pandas.
#   python3 peer.py crops.csv livestock.csv soil.csv coefficients.json
import json, resource, sys, time
start = time.perf_counter()
import pandas as pd

crops_path, livestock_path, soil_path, coefficients_path = sys.argv[1:5]
c = json.load(open(coefficients_path))
crops = pd.read_csv(crops_path)
production = crops["production_kg"].fillna(crops["area_mu"] * crops["yield_kg_per_mu"])
demand = production / 100 * crops["crop"].map(c["uptake"])
grade = crops["township"].map(pd.read_csv(soil_path).set_index("township")["n_grade"]).fillna(c["soilGrade"])
manure = demand * grade.map(c["fertilisationShare"]) * c["manureShare"] / c["useRate"]
capacity = manure.groupby(crops["township"]).sum() / c["supplyPerPe"]
livestock = pd.read_csv(livestock_path)
stock = (livestock["stock"] * livestock["species"].map(c["peFactor"])).groupby(livestock["township"]).sum()
result = pd.DataFrame({"capacity": capacity, "stock": stock}).fillna(0)
result["loadIndex"] = result["stock"] / result["capacity"]
print(json.dumps({
    "townships": len(result),
    "capacityPe": float(result["capacity"].sum()),
    "stockPe": float(result["stock"].sum()),
    "seconds": time.perf_counter() - start,
    "maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
